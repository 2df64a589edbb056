//! `update`: how each action changes the reader's state. No terminal, no clock: key sequences
//! in, state out, so it is unit-tested directly.

use super::action::{Action, Command, Edit, Focus};
use super::app::{App, DocState, Prompt, PromptKind};
use super::geometry::{self, Panels};
use super::help;
use super::nav::{self, From};
use super::search::Search;

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    app.message = None;
    match action {
        Action::Resize { width, height } => app.resize(width, height),
        Action::Run(command) if app.help.is_some() => help_command(app, command),
        Action::Run(command) => run(app, command),
        Action::Edit(edit) => edit_prompt(app, edit),
        Action::ClickArticle { row, col } => click_article(app, row, col),
        Action::ClickActor(index) => {
            if let Some(&actor) = app.doc().actors.get(index) {
                app.doc_mut().select(Some(actor));
                set_focus(app, Focus::Actors);
            }
        }
        Action::ClickMention(index) => {
            if index < app.doc().selected_mentions().len() {
                app.doc_mut().mentions_pos = index;
                set_focus(app, Focus::Mentions);
                activate(app);
            }
        }
        Action::Scroll { pane, rows } => {
            wheel(app, pane, rows);
            return;
        }
    }
    app.keep_lists_in_view();
    app.refresh_ticks();
}

fn run(app: &mut App, command: Command) {
    match command {
        Command::Quit => app.quit = true,
        Command::Help => app.help = Some(0),
        Command::Cancel => cancel(app),
        Command::FocusNext => set_focus(app, next_focus(app.focus)),
        Command::FocusPrev => {
            set_focus(app, next_focus(next_focus(app.focus)));
        }
        Command::Down => move_by(app, 1),
        Command::Up => move_by(app, -1),
        Command::PageDown => move_by(app, step(app, false)),
        Command::PageUp => move_by(app, -step(app, false)),
        Command::HalfPageDown => move_by(app, step(app, true)),
        Command::HalfPageUp => move_by(app, -step(app, true)),
        Command::Top => move_to_end(app, false),
        Command::Bottom => move_to_end(app, true),
        Command::NextMention => next_mention(app, true),
        Command::PrevMention => next_mention(app, false),
        Command::NextAny => any_mention(app, true),
        Command::PrevAny => any_mention(app, false),
        Command::Activate => activate(app),
        Command::ToggleKind(kind) => {
            let doc = app.doc_mut();
            let shown = !doc.kinds[kind.index()];
            doc.kinds[kind.index()] = shown;
            doc.refresh_actors();
            reselect_if_filtered(doc);
            if doc.cursor.is_some_and(|c| !doc.mention_visible(c)) {
                doc.cursor = None;
            }
            let state = if shown { "shown" } else { "hidden" };
            app.message = Some(format!("{kind} {state}"));
        }
        Command::Search => {
            let kind = if app.focus == Focus::Actors {
                PromptKind::Filter
            } else {
                PromptKind::Search
            };
            let doc = app.doc();
            app.prompt = Some(Prompt {
                kind,
                text: if kind == PromptKind::Filter {
                    doc.filter.clone()
                } else {
                    String::new()
                },
                saved_scroll: doc.scroll,
                saved_filter: doc.filter.clone(),
            });
        }
        Command::Sort => {
            let doc = app.doc_mut();
            doc.sort = doc.sort.next();
            doc.refresh_actors();
            app.message = Some(format!("actors by {}", app.doc().sort.label()));
        }
        Command::Panels => {
            if geometry::is_wide(app.screen.area.width) {
                app.show_panels = !app.show_panels;
                if !app.show_panels {
                    app.focus = Focus::Article;
                }
                app.refresh_screen();
            } else if app.focus == Focus::Article {
                set_focus(app, Focus::Actors);
            } else {
                set_focus(app, Focus::Article);
            }
        }
        Command::HiddenText => {
            let doc = app.doc_mut();
            doc.show_all = !doc.show_all;
            if doc.cursor.is_some_and(|c| !doc.mention_visible(c)) {
                doc.cursor = None;
            }
            let shown = doc.show_all;
            app.relayout();
            app.message = Some(
                if shown {
                    "showing meta, byline and page leftovers"
                } else {
                    "article text only"
                }
                .to_string(),
            );
        }
        Command::NextDoc | Command::PrevDoc => switch_doc(app, command == Command::NextDoc),
    }
}

fn next_focus(focus: Focus) -> Focus {
    match focus {
        Focus::Article => Focus::Actors,
        Focus::Actors => Focus::Mentions,
        Focus::Mentions => Focus::Article,
    }
}

/// Moves the focus; in a narrow terminal a panel's focus brings the panels over the article,
/// in a wide one hidden panels come back.
fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    if focus != Focus::Article {
        app.show_panels = true;
    }
    app.refresh_screen();
}

/// Rows a page (or half a page) moves in the focused pane.
fn step(app: &App, half: bool) -> isize {
    let rows = match app.focus {
        Focus::Article if half => app.page() / 2,
        // Keep two rows of context across a page turn.
        Focus::Article => app.page().saturating_sub(2),
        Focus::Actors => app.actors_rows(),
        Focus::Mentions => app.mentions_rows(),
    };
    let rows = if half && app.focus != Focus::Article {
        rows / 2
    } else {
        rows
    };
    isize::try_from(rows.max(1)).unwrap_or(isize::MAX)
}

fn move_by(app: &mut App, delta: isize) {
    let (page, focus) = (app.page(), app.focus);
    let doc = app.doc_mut();
    match focus {
        Focus::Article => doc.scroll_by(delta, page),
        Focus::Actors => {
            if doc.actors.is_empty() {
                return;
            }
            let pos = match doc.actors_pos() {
                Some(p) => p.saturating_add_signed(delta),
                None if delta < 0 => doc.actors.len() - 1,
                None => 0,
            };
            let actor = doc.actors[pos.min(doc.actors.len() - 1)];
            doc.select(Some(actor));
        }
        Focus::Mentions => {
            let len = doc.selected_mentions().len();
            doc.mentions_pos = doc
                .mentions_pos
                .saturating_add_signed(delta)
                .min(len.saturating_sub(1));
        }
    }
}

fn move_to_end(app: &mut App, bottom: bool) {
    let (page, focus) = (app.page(), app.focus);
    let doc = app.doc_mut();
    match focus {
        Focus::Article => doc.scroll = if bottom { doc.max_scroll(page) } else { 0 },
        Focus::Actors => {
            let actor = if bottom {
                doc.actors.last()
            } else {
                doc.actors.first()
            };
            if let Some(&actor) = actor {
                doc.select(Some(actor));
            }
        }
        Focus::Mentions => {
            doc.mentions_pos = if bottom {
                doc.selected_mentions().len().saturating_sub(1)
            } else {
                0
            };
        }
    }
}

/// n / N: the next or previous search match while a search is on, otherwise the next or
/// previous mention of the selected actor.
fn next_mention(app: &mut App, forward: bool) {
    let page = app.page();
    let doc = app.doc_mut();
    if doc.search.is_some() {
        app.message = Some(next_match(doc, forward, page));
        return;
    }
    let Some(actor) = doc.selected else {
        app.message = Some("no actor selected (Tab to the actors panel and pick one)".into());
        return;
    };
    let list = doc.selected_mentions();
    let from = match doc.cursor.map(|c| list.binary_search(&c)) {
        Some(Ok(pos)) => From::At(pos),
        _ => {
            let top = doc.top_offset();
            From::Before(list.partition_point(|&m| doc.doc.mentions[m].span.start() < top))
        }
    };
    let found = nav::step(list.len(), from, forward, |j| doc.mention_visible(list[j]));
    let name = &doc.doc.actors[actor.0].name;
    app.message = Some(match found {
        Some((j, wrapped)) => {
            let (index, count) = (list[j], list.len());
            let note = wrap_note(wrapped, forward);
            let text = format!("{name} {}/{count}{note}", j + 1);
            doc.goto_mention(index, page);
            text
        }
        None => format!("no mention of {name} in the text shown"),
    });
}

fn next_match(doc: &mut DocState, forward: bool, page: usize) -> String {
    let top = doc.top_offset();
    let Some(search) = doc.search.as_mut() else {
        return String::new();
    };
    let from = match search.current {
        Some(c) => From::At(c),
        None => From::Before(search.first_after(top)),
    };
    let Some((j, wrapped)) = nav::step(search.matches.len(), from, forward, |_| true) else {
        return format!("no match for \"{}\"", search.query);
    };
    search.current = Some(j);
    let (span, count, query) = (search.matches[j], search.matches.len(), &search.query);
    let text = format!(
        "match {}/{count} for \"{query}\"{}",
        j + 1,
        wrap_note(wrapped, forward)
    );
    doc.reveal(span, page);
    text
}

fn wrap_note(wrapped: bool, forward: bool) -> &'static str {
    match (wrapped, forward) {
        (false, _) => "",
        (true, true) => " (wrapped to the start)",
        (true, false) => " (wrapped to the end)",
    }
}

/// ] / [: the next or previous mention of any actor, selecting that actor.
fn any_mention(app: &mut App, forward: bool) {
    let page = app.page();
    let doc = app.doc_mut();
    let mentions = &doc.doc.mentions;
    let from = match doc.cursor {
        Some(c) => From::At(c),
        None => {
            let top = doc.top_offset();
            From::Before(mentions.partition_point(|m| m.span.start() < top))
        }
    };
    let ok = |i: usize| mentions[i].actor.is_some() && doc.mention_visible(i);
    match nav::step(mentions.len(), from, forward, ok) {
        Some((index, wrapped)) => {
            doc.goto_mention(index, page);
            let m = doc.doc.mentions[index];
            let name = m.actor.map_or("", |a| doc.doc.actors[a.0].name.as_str());
            app.message = Some(format!(
                "{name} ({}, {}){}",
                m.kind,
                m.form,
                wrap_note(wrapped, forward)
            ));
        }
        None => app.message = Some("no mentions in the text shown".into()),
    }
}

/// Enter: jump to the entry's mention (an actor's first visible one). In a narrow terminal the
/// article comes back to show it.
fn activate(app: &mut App) {
    let (page, focus) = (app.page(), app.focus);
    let doc = app.doc_mut();
    let target = match focus {
        Focus::Article => return,
        Focus::Actors => doc
            .selected_mentions()
            .iter()
            .copied()
            .find(|&m| doc.mention_visible(m)),
        Focus::Mentions => doc.selected_mentions().get(doc.mentions_pos).copied(),
    };
    let Some(index) = target else {
        app.message = Some("no mention to jump to in the text shown".into());
        return;
    };
    let start = doc.doc.mentions[index].span.start();
    if !doc.model.is_shown(start, doc.show_all) {
        doc.show_all = true;
        app.relayout();
        app.message = Some("showing meta, byline and page leftovers (H hides them)".into());
    }
    app.doc_mut().goto_mention(index, page);
    if app.screen.panels == Panels::Over {
        set_focus(app, Focus::Article);
    }
}

/// After the actors panel changed: keep the selection if it is still listed, else take the
/// first entry.
fn reselect_if_filtered(doc: &mut DocState) {
    if doc.actors_pos().is_none() {
        let first = doc.actors.first().copied();
        doc.select(first);
    }
}

/// Esc: closes what is open, innermost first.
fn cancel(app: &mut App) {
    let focus = app.focus;
    let doc = app.doc_mut();
    if doc.search.take().is_some() {
        app.message = Some("search cleared".into());
    } else if focus == Focus::Actors && !doc.filter.is_empty() {
        doc.filter.clear();
        doc.refresh_actors();
    } else if app.screen.panels == Panels::Over {
        set_focus(app, Focus::Article);
    }
}

fn switch_doc(app: &mut App, forward: bool) {
    let n = app.docs.len();
    if n < 2 {
        app.message = Some("only one document is open".into());
        return;
    }
    app.current = if forward {
        (app.current + 1) % n
    } else {
        (app.current + n - 1) % n
    };
    app.prompt = None;
    app.relayout();
    let title = app.doc().model.facts.title.clone();
    app.message = Some(match app.language_notice() {
        Some(notice) => format!("document {}/{n}: {notice}", app.current + 1),
        None => format!("document {}/{n}: {title}", app.current + 1),
    });
}

fn edit_prompt(app: &mut App, edit: Edit) {
    let Some(prompt) = app.prompt.as_mut() else {
        return;
    };
    match edit {
        Edit::Insert(c) => prompt.text.push(c),
        Edit::Backspace => {
            prompt.text.pop();
        }
        Edit::Confirm => {
            let done = app.prompt.take();
            let doc = app.doc_mut();
            if let Some(p) = done
                && p.kind == PromptKind::Search
                && p.text.is_empty()
            {
                doc.search = None;
            }
            return;
        }
        Edit::Cancel => {
            if let Some(p) = app.prompt.take() {
                let doc = app.doc_mut();
                match p.kind {
                    PromptKind::Search => {
                        doc.search = None;
                        doc.scroll = p.saved_scroll;
                    }
                    PromptKind::Filter => {
                        doc.filter = p.saved_filter;
                        doc.refresh_actors();
                        reselect_if_filtered(doc);
                    }
                }
            }
            return;
        }
    }
    let (kind, text, saved_scroll) = (prompt.kind, prompt.text.clone(), prompt.saved_scroll);
    let page = app.page();
    let doc = app.doc_mut();
    match kind {
        PromptKind::Search => {
            doc.scroll = saved_scroll;
            if text.is_empty() {
                doc.search = None;
                return;
            }
            let mut search = Search::new(&doc.doc.text, doc.layout.sections(), &text);
            let first = search.first_after(doc.top_offset());
            search.current = match search.matches.len() {
                0 => None,
                n => Some(first % n),
            };
            if let Some(span) = search.current.map(|c| search.matches[c]) {
                doc.reveal(span, page);
            }
            doc.search = Some(search);
        }
        PromptKind::Filter => {
            doc.filter = text;
            doc.refresh_actors();
            reselect_if_filtered(doc);
        }
    }
}

fn help_command(app: &mut App, command: Command) {
    let total = help::rows(&app.keymap, geometry::help_text_width(app.screen.area))
        .0
        .len();
    let rows = usize::from(
        geometry::help_area(app.screen.area, total)
            .height
            .saturating_sub(2),
    )
    .max(1);
    let max = total.saturating_sub(rows);
    let top = app.help.unwrap_or(0);
    let top = match command {
        Command::Help | Command::Cancel => {
            app.help = None;
            return;
        }
        Command::Quit => {
            app.quit = true;
            return;
        }
        Command::Down => top + 1,
        Command::Up => top.saturating_sub(1),
        Command::PageDown | Command::HalfPageDown => top + rows,
        Command::PageUp | Command::HalfPageUp => top.saturating_sub(rows),
        Command::Top => 0,
        Command::Bottom => max,
        _ => top,
    };
    app.help = Some(top.min(max));
}

fn click_article(app: &mut App, row: usize, col: u16) {
    let doc = app.doc();
    let Some(offset) = doc.layout.offset_at(&doc.doc.text, row, col) else {
        return;
    };
    let Some(index) = doc.mention_at(offset).filter(|&i| doc.mention_visible(i)) else {
        return;
    };
    if app.focus != Focus::Article {
        set_focus(app, Focus::Article);
    }
    let page = app.page();
    let doc = app.doc_mut();
    doc.goto_mention(index, page);
    app.message = mention_note(app.doc(), index);
}

/// "Wladimir Putin 1/4": the actor of mention `index` and where the mention stands among its.
fn mention_note(doc: &DocState, index: usize) -> Option<String> {
    let actor = doc.doc.mentions.get(index)?.actor?;
    let list = doc.model.by_actor.get(actor.0)?;
    let pos = list.binary_search(&index).ok()?;
    let name = &doc.doc.actors[actor.0].name;
    Some(format!("{name} {}/{}", pos + 1, list.len()))
}

fn wheel(app: &mut App, pane: Focus, rows: i32) {
    let rows = isize::try_from(rows).unwrap_or(0);
    let page = app.page();
    let (actor_rows, mention_rows) = (app.actors_rows(), app.mentions_rows());
    let doc = app.doc_mut();
    match pane {
        Focus::Article => doc.scroll_by(rows, page),
        Focus::Actors => {
            let max = doc.actors.len().saturating_sub(actor_rows);
            doc.actors_top = doc.actors_top.saturating_add_signed(rows).min(max);
        }
        Focus::Mentions => {
            let max = doc.selected_mentions().len().saturating_sub(mention_rows);
            doc.mentions_top = doc.mentions_top.saturating_add_signed(rows).min(max);
        }
    }
}
