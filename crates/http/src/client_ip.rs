//! The client's address. `X-Forwarded-For` and `Forwarded` are believed only when the TCP peer
//! is a configured trusted proxy (`trusted_proxies`); anyone else could write any address there
//! and slip past the per-address sign-in limits or put a forged address in the audit log.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use actix_web::HttpRequest;

/// One trusted address or range (`10.0.0.0/8`, `fd00::/8`, `172.28.0.10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for Cidr {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network = canonical(IpAddr::from_str(address).map_err(|_| ())?);
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or(())?,
        };
        Ok(Self { network, prefix })
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) compare as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The proxies whose forwarding headers are believed. Empty by default: then the TCP peer is
/// the client, whatever the headers say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// Parses a comma-separated list of addresses and CIDR ranges; `None` if any entry is bad.
    pub fn parse(list: &str) -> Option<Self> {
        list.split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| Cidr::from_str(e).ok())
            .collect::<Option<Vec<_>>>()
            .map(Self)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The client behind `peer`: the peer itself unless it is trusted; then the right-most
    /// forwarded address that is not a trusted proxy (a client can prepend anything to the
    /// header, but not what the proxies append after it).
    pub fn client(&self, peer: IpAddr, x_forwarded_for: Option<&str>, forwarded: Option<&str>) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = match (x_forwarded_for, forwarded) {
            (Some(xff), _) => xff.split(',').collect(),
            (None, Some(fwd)) => forwarded_for(fwd),
            (None, None) => return peer,
        };
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Some(ip) = parse_hop(hop) else { break };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        client
    }

    /// The client address of a request, as the audit log and the sign-in limits see it.
    pub fn client_of(&self, req: &HttpRequest) -> Option<String> {
        let peer = req.peer_addr()?.ip();
        let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
        Some(
            self.client(peer, header("x-forwarded-for"), header("forwarded"))
                .to_string(),
        )
    }
}

impl fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries: Vec<String> = self
            .0
            .iter()
            .map(|c| format!("{}/{}", c.network, c.prefix))
            .collect();
        f.write_str(&entries.join(","))
    }
}

/// The `for=` values of an RFC 7239 `Forwarded` header, in order.
fn forwarded_for(header: &str) -> Vec<&str> {
    header
        .split(',')
        .flat_map(|element| element.split(';'))
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            key.trim().eq_ignore_ascii_case("for").then_some(value)
        })
        .collect()
}

/// One hop: `203.0.113.7`, `203.0.113.7:4711`, `"[2001:db8::1]:4711"` or `2001:db8::1`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim().trim_matches('"');
    if let Ok(ip) = IpAddr::from_str(hop) {
        return Some(canonical(ip));
    }
    let without_port = match hop.strip_prefix('[') {
        Some(rest) => rest.split(']').next()?,
        None => hop.rsplit_once(':').map_or(hop, |(host, _)| host),
    };
    IpAddr::from_str(without_port).ok().map(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        IpAddr::from_str(s).unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_headers_say() {
        let none = TrustedProxies::default();
        let client = none.client(ip("127.0.0.1"), Some("203.0.113.9"), Some("for=198.51.100.1"));
        assert_eq!(client, ip("127.0.0.1"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse("172.28.0.10, 10.0.0.0/8").unwrap();
        let spoofed = "1.2.3.4, 203.0.113.9, 10.1.2.3";
        assert_eq!(
            proxies.client(ip("172.28.0.10"), Some(spoofed), None),
            ip("203.0.113.9")
        );
        assert_eq!(proxies.client(ip("172.28.0.10"), None, None), ip("172.28.0.10"));
        assert_eq!(
            proxies.client(ip("172.28.0.11"), Some("203.0.113.9"), None),
            ip("172.28.0.11"),
            "an untrusted peer's header is ignored"
        );
        assert_eq!(
            proxies.client(ip("172.28.0.10"), Some("10.0.0.1, 10.0.0.2"), None),
            ip("10.0.0.1"),
            "all hops trusted: the first one"
        );
        assert_eq!(
            proxies.client(ip("172.28.0.10"), Some("garbage, 10.0.0.2"), None),
            ip("10.0.0.2"),
            "an unreadable hop stops the walk at the last trusted one"
        );
    }

    #[test]
    fn the_forwarded_header_counts_when_there_is_no_x_forwarded_for() {
        let proxies = TrustedProxies::parse("::1,127.0.0.1").unwrap();
        let header = r#"for=198.51.100.1;proto=https, for="[2001:db8::7]:4711""#;
        assert_eq!(proxies.client(ip("::1"), None, Some(header)), ip("2001:db8::7"));
        assert_eq!(
            proxies.client(ip("::ffff:127.0.0.1"), None, Some("for=198.51.100.1:80")),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn lists_are_parsed_strictly() {
        assert_eq!(TrustedProxies::parse(""), Some(TrustedProxies::default()));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_none());
        assert!(TrustedProxies::parse("nginx").is_none());
        assert!(TrustedProxies::parse("fd00::/129").is_none());
        let list = TrustedProxies::parse("10.0.0.0/8,fd00::/8").unwrap();
        assert_eq!(list.to_string(), "10.0.0.0/8,fd00::/8");
        assert!(list.trusts(ip("10.255.0.1")) && !list.trusts(ip("11.0.0.1")));
        assert!(TrustedProxies::parse("0.0.0.0/0").unwrap().trusts(ip("8.8.8.8")));
    }
}
