import { setSessionSource } from '@/api/session'
import { storeSessionSource } from '@/stores/session-source'

// As main.ts does: the client reads the session from the stores of whichever Pinia is active.
// A setup file of its own, after setup.ts: the client must be created after Request is patched.
setSessionSource(storeSessionSource)
