//! The reader's state: the open documents, each with its own view (layout, scroll, selected
//! actor, current mention, filters, search), and what is common to all (focus, prompt, help,
//! screen geometry, keymap). `update` changes it; `view` draws it.

use super::action::Focus;
use super::geometry::{self, Panels, Screen};
use super::keymap::Keymap;
use super::layout::Layout;
use super::model::{Model, SortOrder};
use super::search::Search;
use crate::document::{ActorIdx, Document, Kind, Span};

/// One open document and how it is being looked at.
#[derive(Clone, Debug)]
pub struct DocState {
    pub doc: Document,
    pub model: Model,
    pub layout: Layout,
    /// Meta, byline and boilerplate are laid out in the article too.
    pub show_all: bool,
    /// Whether `layout` was built with `show_all`.
    laid_out_all: bool,
    /// The first layout row on screen.
    pub scroll: usize,
    /// Rows on screen when last laid out.
    page: usize,
    pub selected: Option<ActorIdx>,
    /// The current mention (index into `doc.mentions`).
    pub cursor: Option<usize>,
    /// Which kinds are shown, in [`Kind::ALL`] order.
    pub kinds: [bool; 4],
    pub sort: SortOrder,
    /// The actors panel's name filter.
    pub filter: String,
    /// The actors panel: shown actors in order.
    pub actors: Vec<ActorIdx>,
    /// The first entry of the actors panel on screen.
    pub actors_top: usize,
    /// The entry under the mentions panel's cursor (index into the selected actor's mentions).
    pub mentions_pos: usize,
    pub mentions_top: usize,
    pub search: Option<Search>,
    /// Bumped whenever `layout` is rebuilt.
    generation: u64,
    /// The scrollbar: one entry per cell of the track, true where the selected actor has a
    /// mention in the rows the cell stands for. Kept up to date by [`App::refresh_ticks`].
    pub ticks: Vec<bool>,
    ticks_for: Option<(Option<ActorIdx>, u64, u16)>,
}

impl DocState {
    pub fn new(doc: Document) -> DocState {
        let model = Model::new(&doc);
        let mut state = DocState {
            doc,
            model,
            layout: Layout::default(),
            show_all: false,
            laid_out_all: false,
            scroll: 0,
            page: 0,
            selected: None,
            cursor: None,
            kinds: [true; 4],
            sort: SortOrder::Salience,
            filter: String::new(),
            actors: Vec::new(),
            actors_top: 0,
            mentions_pos: 0,
            mentions_top: 0,
            search: None,
            generation: 0,
            ticks: Vec::new(),
            ticks_for: None,
        };
        state.refresh_actors();
        state.selected = state.actors.first().copied();
        state
    }

    /// Lays the text out again if the width or the shown sections changed, keeping the top row's
    /// text on top and, if it was on screen, the current mention on screen.
    pub fn relayout(&mut self, width: u16, page: usize) {
        let cursor_seen = !self.layout.is_empty()
            && self.cursor_rows().is_some_and(|rows| {
                rows.start >= self.scroll && rows.end <= self.scroll + self.page
            });
        let stale = self.layout.width() != width.max(super::layout::MIN_WIDTH)
            || self.laid_out_all != self.show_all
            || self.layout.is_empty();
        if stale {
            let top = self.top_offset();
            let sections = self.model.layout_sections(self.show_all);
            self.layout = Layout::build(&self.doc.text, &sections, width);
            self.generation += 1;
            self.laid_out_all = self.show_all;
            self.scroll = self.layout.row_near(top);
            if let Some(search) = &mut self.search {
                *search = Search::new(&self.doc.text, self.layout.sections(), &search.query);
            }
        }
        self.page = page;
        self.clamp_scroll(page);
        if cursor_seen && let Some(span) = self.cursor.map(|c| self.doc.mentions[c].span) {
            self.reveal(span, page);
        }
    }

    /// The byte offset of the text at the top of the screen.
    pub fn top_offset(&self) -> usize {
        self.layout.rows().get(self.scroll).map_or(0, |r| r.start)
    }

    pub fn max_scroll(&self, page: usize) -> usize {
        self.layout.len().saturating_sub(page)
    }

    pub fn clamp_scroll(&mut self, page: usize) {
        self.scroll = self.scroll.min(self.max_scroll(page));
    }

    pub fn scroll_by(&mut self, rows: isize, page: usize) {
        self.scroll = self.scroll.saturating_add_signed(rows);
        self.clamp_scroll(page);
    }

    /// Scrolls so that `span` is on screen; when it was not, it lands a third of the way down.
    pub fn reveal(&mut self, span: Span, page: usize) {
        let rows = self.layout.rows_of(span);
        if rows.is_empty() {
            return;
        }
        if rows.start < self.scroll || rows.end > self.scroll + page {
            self.scroll = rows.start.saturating_sub(page / 3);
            self.clamp_scroll(page);
        }
    }

    fn cursor_rows(&self) -> Option<std::ops::Range<usize>> {
        self.cursor
            .map(|c| self.layout.rows_of(self.doc.mentions[c].span))
    }

    pub fn kind_shown(&self, kind: Kind) -> bool {
        self.kinds[kind.index()]
    }

    /// A mention counts for navigation and highlighting: its kind is shown and its text is in
    /// the article.
    pub fn mention_visible(&self, index: usize) -> bool {
        self.doc.mentions.get(index).is_some_and(|m| {
            self.kind_shown(m.kind) && self.model.is_shown(m.span.start(), self.show_all)
        })
    }

    /// The selected actor's mentions (indexes into `doc.mentions`).
    pub fn selected_mentions(&self) -> &[usize] {
        self.selected
            .and_then(|a| self.model.by_actor.get(a.0))
            .map_or(&[], Vec::as_slice)
    }

    /// Where the selected actor stands in the actors panel.
    pub fn actors_pos(&self) -> Option<usize> {
        let selected = self.selected?;
        self.actors.iter().position(|&a| a == selected)
    }

    /// Rebuilds the actors panel from the sort order, the shown kinds and the name filter.
    pub fn refresh_actors(&mut self) {
        let filter = self.filter.to_lowercase();
        let doc = &self.doc;
        let kinds = self.kinds;
        self.actors = self
            .model
            .order(self.sort)
            .iter()
            .copied()
            .filter(|a| {
                let actor = &doc.actors[a.0];
                kinds[actor.kind.index()]
                    && (filter.is_empty()
                        || actor.name.to_lowercase().contains(&filter)
                        || actor
                            .aliases
                            .iter()
                            .any(|alias| alias.to_lowercase().contains(&filter)))
            })
            .collect();
        self.actors_top = self.actors_top.min(self.actors.len().saturating_sub(1));
    }

    /// Selects an actor; the current mention stays only if it is one of its mentions.
    pub fn select(&mut self, actor: Option<ActorIdx>) {
        if actor == self.selected {
            return;
        }
        self.selected = actor;
        if self
            .cursor
            .is_some_and(|c| self.doc.mentions[c].actor != actor)
        {
            self.cursor = None;
        }
        self.mentions_pos = 0;
        self.mentions_top = 0;
    }

    /// Makes mention `index` current: selects its actor, moves the mentions panel to it and
    /// scrolls it into view.
    pub fn goto_mention(&mut self, index: usize, page: usize) {
        let Some(m) = self.doc.mentions.get(index).copied() else {
            return;
        };
        if m.actor.is_some() {
            self.select(m.actor);
        }
        self.cursor = Some(index);
        if let Ok(pos) = self.selected_mentions().binary_search(&index) {
            self.mentions_pos = pos;
        }
        self.reveal(m.span, page);
    }

    /// Recomputes the scrollbar ticks for a track of `height` cells if the selection, the
    /// layout or the height changed since.
    pub fn refresh_ticks(&mut self, height: u16) {
        let key = (self.selected, self.generation, height);
        if self.ticks_for == Some(key) {
            return;
        }
        self.ticks = (0..usize::from(height))
            .map(|cell| self.has_selected_mention(track_rows(cell, height, self.layout.len())))
            .collect();
        self.ticks_for = Some(key);
    }

    /// True when one of the selected actor's visible mentions starts in the layout `rows`.
    fn has_selected_mention(&self, rows: std::ops::Range<usize>) -> bool {
        let layout_rows = self.layout.rows();
        let (Some(first), Some(last)) = (
            layout_rows.get(rows.start),
            layout_rows.get(rows.end.wrapping_sub(1)),
        ) else {
            return false;
        };
        let (lo, hi) = (first.start, last.end.max(first.start + 1));
        let list = self.selected_mentions();
        let mentions = &self.doc.mentions;
        let from = list.partition_point(|&m| mentions[m].span.start() < lo);
        list[from..]
            .iter()
            .take_while(|&&m| mentions[m].span.start() < hi)
            .any(|&m| self.mention_visible(m))
    }

    /// The mention (index) whose text contains `offset`.
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .doc
            .mentions
            .partition_point(|m| m.span.start() <= offset)
            .checked_sub(1)?;
        self.doc.mentions[i].span.contains(offset).then_some(i)
    }
}

/// What a prompt on the status line is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// Searching the article.
    Search,
    /// Filtering the actors panel by name.
    Filter,
}

/// Text being typed on the status line, with what to go back to on Esc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    pub(super) saved_scroll: usize,
    pub(super) saved_filter: String,
}

/// The whole reader.
#[derive(Clone, Debug)]
pub struct App {
    pub docs: Vec<DocState>,
    pub current: usize,
    pub focus: Focus,
    /// The help overlay's first line on screen, when it is open.
    pub help: Option<usize>,
    pub prompt: Option<Prompt>,
    /// The side panels are wanted beside the article (wide terminals).
    pub show_panels: bool,
    pub screen: Screen,
    pub keymap: Keymap,
    /// A one-off note for the status line, cleared by the next action.
    pub message: Option<String>,
    pub quit: bool,
}

impl App {
    /// The reader on `docs` (at least one) for a terminal of `width` × `height`.
    pub fn new(docs: Vec<Document>, keymap: Keymap, width: u16, height: u16) -> App {
        let mut app = App {
            docs: docs.into_iter().map(DocState::new).collect(),
            current: 0,
            focus: Focus::Article,
            help: None,
            prompt: None,
            show_panels: true,
            screen: Screen::default(),
            keymap,
            message: None,
            quit: false,
        };
        app.resize(width, height);
        app.message = app.language_notice();
        app
    }

    /// The notice for a document in a language without a model, shown when it opens.
    pub fn language_notice(&self) -> Option<String> {
        crate::nlp::lang::no_model_notice(&self.doc().doc.lang)
    }

    pub fn doc(&self) -> &DocState {
        &self.docs[self.current]
    }

    pub fn doc_mut(&mut self) -> &mut DocState {
        &mut self.docs[self.current]
    }

    /// Rows of text on an article page.
    pub fn page(&self) -> usize {
        self.screen.page()
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Screen::compute(width, height, self.panels_for(width));
        self.relayout();
    }

    /// Recomputes the screen after the focus or the panel wish changed.
    pub fn refresh_screen(&mut self) {
        let (w, h) = (self.screen.area.width, self.screen.area.height);
        self.resize(w, h);
    }

    /// Brings the current document's layout in line with the screen (not while the screen is
    /// too small to read: the old layout waits for a usable size).
    pub fn relayout(&mut self) {
        if self.screen.too_small {
            return;
        }
        let (width, page) = (self.screen.text.width, self.page());
        self.doc_mut().relayout(width, page);
        self.keep_lists_in_view();
        self.refresh_ticks();
    }

    /// Brings the scrollbar ticks of the current document up to date.
    pub fn refresh_ticks(&mut self) {
        let height = self.screen.text.height;
        self.doc_mut().refresh_ticks(height);
    }

    fn panels_for(&self, width: u16) -> Panels {
        if geometry::is_wide(width) {
            if self.show_panels {
                Panels::Beside
            } else {
                Panels::Hidden
            }
        } else if self.focus == Focus::Article {
            Panels::Hidden
        } else {
            Panels::Over
        }
    }

    /// Entries of the actors panel on screen.
    pub fn actors_rows(&self) -> usize {
        usize::from(self.screen.actors.height.saturating_sub(2)).max(1)
    }

    /// Entries of the mentions panel on screen.
    pub fn mentions_rows(&self) -> usize {
        usize::from(self.screen.mentions.height.saturating_sub(2)).max(1)
    }

    /// Scrolls the panels so that their cursors are on screen.
    pub fn keep_lists_in_view(&mut self) {
        if !self.screen.shows_panels() {
            return;
        }
        let (actor_rows, mention_rows) = (self.actors_rows(), self.mentions_rows());
        let doc = self.doc_mut();
        if let Some(pos) = doc.actors_pos() {
            doc.actors_top = keep_in_view(doc.actors_top, pos, actor_rows);
        }
        doc.mentions_top = keep_in_view(doc.mentions_top, doc.mentions_pos, mention_rows);
    }
}

/// The layout rows that cell `cell` of a scrollbar track of `height` cells stands for, when the
/// text has `len` rows (empty below the text when it is shorter than the track).
pub fn track_rows(cell: usize, height: u16, len: usize) -> std::ops::Range<usize> {
    let h = usize::from(height);
    if len > h {
        let start = cell * len / h;
        start..((cell + 1) * len / h).max(start + 1)
    } else if cell < len {
        cell..cell + 1
    } else {
        0..0
    }
}

/// The first entry to show so that `pos` is among `rows` entries from it.
fn keep_in_view(top: usize, pos: usize, rows: usize) -> usize {
    if pos < top {
        pos
    } else if pos >= top + rows {
        pos + 1 - rows
    } else {
        top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn track_cells_cover_every_row_once_in_order() {
        for (height, len) in [(20u16, 1000usize), (20, 21), (20, 20), (20, 7), (1, 5)] {
            let mut next = 0;
            for cell in 0..usize::from(height) {
                let rows = track_rows(cell, height, len);
                if rows.is_empty() {
                    continue;
                }
                assert_eq!(rows.start, next, "{height} cells, {len} rows, cell {cell}");
                next = rows.end;
            }
            assert_eq!(next, len);
        }
    }
}
