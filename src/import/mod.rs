//! `kepu import`: content from elsewhere into page bundles under `content/`.

pub mod wechat;
