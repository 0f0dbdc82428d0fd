//! Small helpers over quick-xml events.

use quick_xml::XmlVersion;
use quick_xml::events::BytesStart;

/// The element's name without its prefix (`w:color` → `color`).
pub fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// The value of the attribute whose local name is `name` (`w:val` → `val`), entities resolved.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}
