//! What a request must look like before `guong serve` reads it: a `Host` this server is
//! known by (a web page of another site cannot reach it through a DNS name that resolves
//! to this machine, "DNS rebinding") and a bounded size.

use std::net::{IpAddr, SocketAddr};

use tiny_http::Request;

/// The longest request line and headers answered (larger: 431).
pub const MAX_HEAD: usize = 16 * 1024;

/// The largest body of a request other than the CMS's (larger: 413).
pub const MAX_BODY: usize = 64 * 1024;

/// Why a request is refused before it is read: the status and a Vietnamese message.
pub type Refused = (u16, String);

/// The address the server listens on, which every request's `Host` must name.
#[derive(Clone, Copy, Debug)]
pub struct Guard {
    pub bound: SocketAddr,
}

impl Guard {
    /// Refuses a request that is too large or names another host. `body_limit` is the
    /// largest body accepted on this request's path.
    pub fn admit(&self, request: &Request, body_limit: usize) -> Result<(), Refused> {
        let head = request.url().len()
            + request
                .headers()
                .iter()
                .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
                .sum::<usize>();
        if head > MAX_HEAD {
            return Err((431, format!("Phần đầu yêu cầu quá lớn (giới hạn {MAX_HEAD} byte)\n")));
        }
        if request.body_length().is_some_and(|length| length > body_limit) {
            return Err((413, format!("Yêu cầu quá lớn (giới hạn {body_limit} byte)\n")));
        }
        let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str());
        match host {
            Some(host) if self.knows(host) => Ok(()),
            host => Err((
                421,
                format!(
                    "Máy chủ này chỉ trả lời tại localhost hoặc địa chỉ IP của nó với cổng {}, không phải `{}`\n",
                    self.bound.port(),
                    host.unwrap_or_default().escape_debug()
                ),
            )),
        }
    }

    /// Whether `host` (a `Host` header) names this server: `localhost` or an IP address of
    /// this machine, with the bound port. A literal IP address cannot be rebound by a DNS
    /// name; when bound to one address only, only that one (or loopback) is accepted.
    pub fn knows(&self, host: &str) -> bool {
        let Some((name, port)) = split_port(host) else { return false };
        if port.unwrap_or(80) != self.bound.port() {
            return false;
        }
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let Ok(ip) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else { return false };
        ip.is_loopback() || self.bound.ip().is_unspecified() || ip == self.bound.ip()
    }
}

/// `name` and `port` of a `Host` value (`127.0.0.1:1111`, `[::1]:80`, `localhost`); `None`
/// when malformed.
pub fn split_port(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = match host.rfind(':') {
        Some(i) if !host[i..].contains(']') && (host.starts_with('[') || !host[..i].contains(':')) => {
            (&host[..i], Some(host[i + 1..].parse().ok()?))
        }
        _ => (host, None),
    };
    let bracketed = name.starts_with('[') == name.ends_with(']');
    (!name.is_empty() && bracketed).then_some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_its_own_names_with_its_port_and_nothing_else() {
        let guard = Guard { bound: "127.0.0.1:1111".parse().unwrap() };
        for host in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST:1111", "[::1]:1111", "127.0.0.2:1111"] {
            assert!(guard.knows(host), "{host}");
        }
        for host in [
            "attacker.example:1111",
            "localhost.attacker.example:1111",
            "127.0.0.1:2222",
            "127.0.0.1",
            "10.0.0.5:1111",
            "127.0.0.1:1111:1111",
            "[::1:1111",
            "",
            ":1111",
        ] {
            assert!(!guard.knows(host), "{host}");
        }
        assert!(Guard { bound: "127.0.0.1:80".parse().unwrap() }.knows("localhost"));
        let everywhere = Guard { bound: "0.0.0.0:8080".parse().unwrap() };
        assert!(everywhere.knows("192.168.1.20:8080") && !everywhere.knows("may-chu.local:8080"));
        let lan = Guard { bound: "192.168.1.20:8080".parse().unwrap() };
        assert!(lan.knows("192.168.1.20:8080") && !lan.knows("192.168.1.21:8080"));
    }

    #[test]
    fn splits_names_and_ports() {
        assert_eq!(split_port("[::1]:80"), Some(("[::1]", Some(80))));
        assert_eq!(split_port("[::1]"), Some(("[::1]", None)));
        assert_eq!(split_port("localhost"), Some(("localhost", None)));
        assert_eq!(split_port("::1"), Some(("::1", None)));
        assert_eq!(split_port("a:b"), None);
    }
}
