//! An activity's references to `site.yaml`: its community must be one of
//! its town's (the town itself is checked with every kind's towns).

use crate::config::Config;
use crate::content::Library;
use crate::kinds::unknown_community;
use crate::kinds::{FieldError, KindData};

/// Records a community its town does not have.
pub(super) fn check(data: &KindData, _: &Library, config: &Config, errors: &mut Vec<FieldError>) {
    let KindData::Activity(a) = data else { return };
    if let Some(c) = &a.community {
        errors.extend(unknown_community(config, &a.town, c));
    }
}
