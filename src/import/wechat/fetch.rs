//! Getting article pages and images over the network (ureq with rustls:
//! blocking, small, no system TLS library to install on an editor's
//! Windows machine).

use std::time::Duration;

/// The largest page read (WeChat pages are about 2 MB at most).
const PAGE_LIMIT: u64 = 16 << 20;
/// The largest image read.
const IMAGE_LIMIT: u64 = 32 << 20;

/// WeChat serves its article page to browsers; say what we are like one.
const USER_AGENT: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 kepu-import";

/// An HTTP client, or none when importing offline.
#[derive(Debug)]
pub struct Fetcher {
    agent: Option<ureq::Agent>,
}

impl Fetcher {
    /// A client with a timeout per request; `offline` fetches nothing.
    pub fn new(offline: bool) -> Self {
        let agent = (!offline).then(|| {
            ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(30)))
                .timeout_connect(Some(Duration::from_secs(10)))
                .user_agent(USER_AGENT)
                .build()
                .into()
        });
        Fetcher { agent }
    }

    /// Whether the network may be used.
    pub fn online(&self) -> bool {
        self.agent.is_some()
    }

    /// The page at `url` as text.
    pub fn page(&self, url: &str) -> Result<String, String> {
        let bytes = self.get(url, PAGE_LIMIT)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The image at `url`.
    pub fn image(&self, url: &str) -> Result<Vec<u8>, String> {
        self.get(url, IMAGE_LIMIT)
    }

    fn get(&self, url: &str, limit: u64) -> Result<Vec<u8>, String> {
        let Some(agent) = &self.agent else {
            return Err("offline".into());
        };
        let mut response = agent.get(url).call().map_err(|e| e.to_string())?;
        response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| e.to_string())
    }
}
