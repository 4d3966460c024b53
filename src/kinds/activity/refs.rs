//! An activity's references to `site.yaml`: its community must be one of
//! its town's (the town itself is checked with every kind's towns).

use crate::config::Config;
use crate::content::Library;
use crate::kinds::{FieldError, KindData};

/// Records a community its town does not have.
pub(super) fn check(data: &KindData, _: &Library, config: &Config, errors: &mut Vec<FieldError>) {
    let KindData::Activity(a) = data else { return };
    if let (Some(town), Some(c)) = (config.town(&a.town), &a.community)
        && !town.communities.iter().any(|x| x == c)
    {
        errors.push(
            FieldError::new("community", crate::text!("station.unknown_community", c, town.name))
                .hint(crate::text!(
                    "station.unknown_community.help",
                    town.communities.join(", ")
                ))
                .at_value(c.clone()),
        );
    }
}
