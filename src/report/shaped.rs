//! Each distinct run of text shaped once per report. krilla's `draw_text` parses the font and shapes
//! the run again on every call; a report at 10,000 assets draws the same few strings (numbers, リスク大,
//! media, headers) tens of thousands of times. The shaping is krilla's own (`naive_shape` of krilla
//! 0.8, with rustybuzz, no features, the direction guessed), so the PDF is the same byte for byte.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Script, ShapePlan, UnicodeBuffer};
use std::collections::HashMap;

/// The bundled fonts as rustybuzz faces, parsed once, and the runs shaped so far.
pub struct Shaper {
    faces: Vec<rustybuzz::Face<'static>>,
    /// Per font of `crate::font::CHAIN`: the glyphs of each run shaped so far.
    shaped: Vec<HashMap<String, Vec<KrillaGlyph>>>,
    /// Per font: the shape plans made so far, by direction and script. `rustybuzz::shape` makes a
    /// plan for every run from just these (no features, no language), which at 10,000 asset names
    /// was a large part of the report's time.
    plans: Vec<Vec<(Direction, Option<Script>, ShapePlan)>>,
}

impl Shaper {
    pub fn bundled() -> Shaper {
        let faces: Vec<_> = crate::font::CHAIN
            .iter()
            .map(|f| rustybuzz::Face::from_slice(f.bytes, 0).expect("a bundled font parses"))
            .collect();
        Shaper {
            shaped: faces.iter().map(|_| HashMap::new()).collect(),
            plans: faces.iter().map(|_| Vec::new()).collect(),
            faces,
        }
    }

    /// The glyphs of `run`, a run of `crate::font::CHAIN[index]` (loaded in krilla as `krilla_font`).
    pub fn glyphs(&mut self, index: usize, krilla_font: &Font, run: &str) -> &[KrillaGlyph] {
        if !self.shaped[index].contains_key(run) {
            let glyphs = shape(
                &self.faces[index],
                &mut self.plans[index],
                krilla_font.units_per_em(),
                run,
            );
            self.shaped[index].insert(run.to_string(), glyphs);
        }
        &self.shaped[index][run]
    }
}

/// krilla 0.8's `naive_shape` with `TextDirection::Auto`, a face parsed once and the plan that
/// `rustybuzz::shape` would make, made once.
fn shape(
    face: &rustybuzz::Face,
    plans: &mut Vec<(Direction, Option<Script>, ShapePlan)>,
    units_per_em: f32,
    text: &str,
) -> Vec<KrillaGlyph> {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let dir = buffer.direction();
    // The guess leaves no script (never 「unknown」) for a run of digits and punctuation only.
    let script = Some(buffer.script()).filter(|s| *s != rustybuzz::script::UNKNOWN);
    let at = match plans.iter().position(|(d, s, _)| *d == dir && *s == script) {
        Some(at) => at,
        None => {
            plans.push((dir, script, ShapePlan::new(face, dir, script, None, &[])));
            plans.len() - 1
        }
    };
    let output = rustybuzz::shape_with_plan(face, &plans[at].2, buffer);
    let positions = output.glyph_positions();
    let infos = output.glyph_infos();
    let forwards = dir == Direction::LeftToRight || dir == Direction::TopToBottom;
    (0..output.len())
        .map(|i| {
            let (pos, info) = (positions[i], infos[i]);
            let start = info.cluster as usize;
            // The cluster ends where the next glyph (in text order) of another cluster starts.
            let next = if forwards {
                (i + 1..infos.len()).find(|&k| infos[k].cluster != info.cluster)
            } else {
                (0..i).rev().find(|&k| infos[k].cluster != info.cluster)
            };
            let end = next.map_or(text.len(), |k| infos[k].cluster as usize);
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / units_per_em,
                pos.x_offset as f32 / units_per_em,
                pos.y_offset as f32 / units_per_em,
                pos.y_advance as f32 / units_per_em,
                start..end,
                None,
            )
        })
        .collect()
}
