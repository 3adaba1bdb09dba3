import { defineStore } from 'pinia'
import { ref } from 'vue'
import { unreadCount } from './api'

/** The unread count the bell shows; the page refreshes it after marking notifications read. */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0)

  /** Reloads the count; a failure keeps the last known value (the next poll tries again). */
  async function refresh(): Promise<void> {
    try {
      unread.value = await unreadCount()
    } catch {
      // Offline or signed out: the badge keeps its value until the next successful poll.
    }
  }

  return { unread, refresh }
})
