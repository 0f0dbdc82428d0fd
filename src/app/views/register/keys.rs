//! The 台帳's keyboard, read from egui's input like a spreadsheet's: what a key means depends on
//! whether a cell is being edited. Keys used here are taken out of the input so no widget sees them.

use eframe::egui::{self, Event, Key, Modifiers};

/// What the user asks of the table while no cell is being edited.
#[derive(Debug, Clone, PartialEq)]
pub enum GridKey {
    /// Move the current cell (rows down, columns right); `true` extends the range (Shift).
    Move(isize, isize, bool),
    /// Tab (true) or Shift+Tab: the next or previous cell, on to the next row (`Selection::step`).
    Step(bool),
    /// Home / End: first or last column of the row.
    RowEdge(bool, bool),
    /// Ctrl+↓ / Ctrl+↑: last or first row.
    ColumnEdge(bool, bool),
    SelectAll,
    /// F2: edit the current cell keeping its text.
    Edit,
    /// Typed characters, on a cell that is not text (a rating, a flag).
    Type(String),
    /// Typing or composing began on the text cell that has the focus: what is typed replaces its
    /// text. The characters stay in the input for the cell's text field this same frame, so the
    /// first characters of an input method's composition land in the cell.
    Begin,
    /// Delete / Backspace: empty the selected cells.
    Clear,
    Copy,
    Cut,
    Paste(String),
    /// Ctrl+D
    FillDown,
    /// Esc: back to the current cell alone.
    Collapse,
}

/// What the user asks of the cell being edited.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EditKey {
    /// Keep the text and move (Enter, or an arrow when the cell was typed over).
    Leave(isize, isize),
    /// Keep the text and go to the next (Tab) or previous (Shift+Tab) cell.
    Step(bool),
    /// Esc: forget what was typed.
    Cancel,
}

fn shift(m: Modifiers) -> bool {
    m.shift
}

/// Takes the table's keys out of this frame's input. `on_text`: the current cell is a text cell whose
/// field has the focus (typed characters are left for it).
pub fn grid_keys(ctx: &egui::Context, on_text: bool) -> Vec<GridKey> {
    let mut keys = Vec::new();
    let mut begun = false;
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let key = match event {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => match (key, modifiers.command) {
                    (Key::ArrowDown, true) => Some(GridKey::ColumnEdge(true, shift(*modifiers))),
                    (Key::ArrowUp, true) => Some(GridKey::ColumnEdge(false, shift(*modifiers))),
                    (Key::ArrowDown, false) => Some(GridKey::Move(1, 0, shift(*modifiers))),
                    (Key::ArrowUp, false) => Some(GridKey::Move(-1, 0, shift(*modifiers))),
                    (Key::ArrowRight, false) => Some(GridKey::Move(0, 1, shift(*modifiers))),
                    (Key::ArrowLeft, false) => Some(GridKey::Move(0, -1, shift(*modifiers))),
                    (Key::Enter, false) => Some(GridKey::Move(
                        if modifiers.shift { -1 } else { 1 },
                        0,
                        false,
                    )),
                    (Key::Tab, false) => Some(GridKey::Step(!modifiers.shift)),
                    (Key::PageDown, false) => Some(GridKey::Move(20, 0, shift(*modifiers))),
                    (Key::PageUp, false) => Some(GridKey::Move(-20, 0, shift(*modifiers))),
                    (Key::Home, _) => Some(GridKey::RowEdge(false, shift(*modifiers))),
                    (Key::End, _) => Some(GridKey::RowEdge(true, shift(*modifiers))),
                    (Key::F2, _) => Some(GridKey::Edit),
                    (Key::Delete | Key::Backspace, false) => Some(GridKey::Clear),
                    (Key::Escape, _) => Some(GridKey::Collapse),
                    (Key::A, true) => Some(GridKey::SelectAll),
                    (Key::D, true) => Some(GridKey::FillDown),
                    _ => None,
                },
                Event::Text(_) | Event::Ime(_) if on_text => {
                    let typing = match event {
                        Event::Text(t) => !t.chars().all(char::is_control),
                        Event::Ime(egui::ImeEvent::Preedit { text, .. })
                        | Event::Ime(egui::ImeEvent::Commit(text)) => !text.is_empty(),
                        _ => false,
                    };
                    if typing && !begun {
                        begun = true;
                        keys.push(GridKey::Begin);
                    }
                    return true;
                }
                Event::Text(text) if !text.chars().all(char::is_control) => {
                    Some(GridKey::Type(text.clone()))
                }
                Event::Copy => Some(GridKey::Copy),
                Event::Cut => Some(GridKey::Cut),
                Event::Paste(text) => Some(GridKey::Paste(text.clone())),
                _ => None,
            };
            match key {
                Some(key) => {
                    keys.push(key);
                    false
                }
                None => true,
            }
        });
    });
    keys
}

/// Takes the keys that end editing a cell out of this frame's input. `typed_over`: the cell was
/// entered by typing, so arrows leave it (as in Excel); after F2 or a click they move the caret.
pub fn edit_keys(ctx: &egui::Context, typed_over: bool) -> Option<EditKey> {
    ctx.input_mut(|input| {
        // Enter that confirms an input method's conversion belongs to the input method.
        let composing = input.events.iter().any(|e| {
            matches!(
                e,
                Event::Ime(egui::ImeEvent::Preedit { .. } | egui::ImeEvent::Commit(_))
            )
        });
        let mut found = None;
        input.events.retain(|event| {
            let Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            let wanted = match key {
                Key::Enter if !composing => {
                    Some(EditKey::Leave(if modifiers.shift { -1 } else { 1 }, 0))
                }
                Key::Tab => Some(EditKey::Step(!modifiers.shift)),
                Key::Escape => Some(EditKey::Cancel),
                Key::ArrowDown if typed_over => Some(EditKey::Leave(1, 0)),
                Key::ArrowUp if typed_over => Some(EditKey::Leave(-1, 0)),
                Key::ArrowRight if typed_over => Some(EditKey::Leave(0, 1)),
                Key::ArrowLeft if typed_over => Some(EditKey::Leave(0, -1)),
                _ => None,
            };
            match wanted {
                Some(k) if found.is_none() => {
                    found = Some(k);
                    false
                }
                _ => true,
            }
        });
        found
    })
}

/// Whether the event moves between cells or acts on the table (and so must not share a frame with
/// typing meant for one cell).
fn is_boundary(event: &Event) -> bool {
    match event {
        Event::Key {
            key, pressed: true, ..
        } => matches!(
            key,
            Key::Enter
                | Key::Tab
                | Key::Escape
                | Key::ArrowUp
                | Key::ArrowDown
                | Key::ArrowLeft
                | Key::ArrowRight
                | Key::F2
                | Key::PageUp
                | Key::PageDown
                | Key::Home
                | Key::End
                | Key::Delete
        ),
        Event::Copy | Event::Cut | Event::Paste(_) => true,
        _ => false,
    }
}

fn is_keyboard(event: &Event) -> bool {
    matches!(
        event,
        Event::Key { .. }
            | Event::Text(_)
            | Event::Ime(_)
            | Event::Copy
            | Event::Cut
            | Event::Paste(_)
    )
}

fn is_typing(event: &Event) -> bool {
    matches!(event, Event::Text(_) | Event::Ime(_))
}

/// Keeps the keyboard in order when a fast typist's keys arrive in one frame: "abc⏎de" must put
/// "abc" in this cell and "de" in the next, but the table reads Enter before the cell's field reads
/// the letters. So a frame handles typing up to the first table key, or that key alone; the keys
/// after it wait in `deferred` for the next frame, which this asks for.
pub fn one_step_per_frame(ctx: &egui::Context, deferred: &mut Vec<Event>) {
    ctx.input_mut(|input| {
        if !deferred.is_empty() {
            let mut events = std::mem::take(deferred);
            events.append(&mut input.events);
            input.events = events;
        }
        let keyboard: Vec<usize> = (0..input.events.len())
            .filter(|&i| is_keyboard(&input.events[i]))
            .collect();
        let Some(first) = keyboard.iter().position(|&i| is_boundary(&input.events[i])) else {
            return;
        };
        let typed_before = keyboard[..first]
            .iter()
            .any(|&i| is_typing(&input.events[i]));
        let keep_until = if typed_before { first } else { first + 1 };
        let later: Vec<usize> = keyboard[keep_until..].to_vec();
        for &i in later.iter().rev() {
            deferred.insert(0, input.events.remove(i));
        }
    });
    if !deferred.is_empty() {
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Event {
        Event::Text(t.into())
    }

    fn press(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    fn frame(ctx: &egui::Context, events: Vec<Event>, deferred: &mut Vec<Event>) -> Vec<Event> {
        let mut seen = Vec::new();
        let input = egui::RawInput {
            events,
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            one_step_per_frame(ui.ctx(), deferred);
            seen = ui.input(|i| i.events.clone());
        });
        output.textures_delta.clear();
        seen
    }

    #[test]
    fn typing_then_enter_then_typing_is_split_over_frames_in_order() {
        let ctx = egui::Context::default();
        let mut deferred = Vec::new();
        let first = frame(
            &ctx,
            vec![
                text("ab"),
                press(Key::Enter),
                text("c"),
                press(Key::Tab),
                text("d"),
            ],
            &mut deferred,
        );
        assert_eq!(first, vec![text("ab")]);
        assert_eq!(frame(&ctx, vec![], &mut deferred), vec![press(Key::Enter)]);
        assert_eq!(frame(&ctx, vec![], &mut deferred), vec![text("c")]);
        assert_eq!(frame(&ctx, vec![], &mut deferred), vec![press(Key::Tab)]);
        assert_eq!(
            frame(&ctx, vec![text("e")], &mut deferred),
            vec![text("d"), text("e")]
        );
        assert!(deferred.is_empty());
    }
}
