//! Render tests on ratatui's TestBackend: committed snapshots at 80×24 and 40×12 (text, and the
//! styles where colour is the point), the monochrome theme, and a sweep of sizes from 40×10 to
//! 300×100 in which nothing panics, no control character reaches a cell and no wide character
//! is cut.

mod reader_support;

use castlist::reader::app::App;
use castlist::reader::hit::HitMap;
use castlist::reader::theme::Theme;
use castlist::reader::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::{Color, Modifier, Style};
use reader_support::*;

fn render(app: &App, theme: &Theme) -> (Buffer, HitMap) {
    let area = app.screen.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    let mut hits = HitMap::default();
    terminal.draw(|f| hits = view(app, theme, f)).unwrap();
    (terminal.backend().buffer().clone(), hits)
}

/// The screen as text, one line a row, wide characters once.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += symbol.cell_width().max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn colour(c: Color) -> String {
    format!("{c:?}").to_lowercase()
}

/// The styled runs of rows `rows`: "y x0-x1 "text" fg bg underline +MODIFIERS", one a line.
fn styles(buf: &Buffer, rows: std::ops::Range<u16>, cols: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    for y in rows {
        let mut x = cols.start;
        while x < cols.end {
            let cell = &buf[(x, y)];
            let style = cell.style();
            let start = x;
            let mut run = String::new();
            while x < cols.end && buf[(x, y)].style() == style {
                run.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            if style
                == Style::default()
                    .fg(Color::Reset)
                    .bg(Color::Reset)
                    .underline_color(Color::Reset)
                || run.trim().is_empty()
                    && style.add_modifier.is_empty()
                    && style.bg == Some(Color::Reset)
            {
                continue;
            }
            let mut desc = format!("{y:>2} {start:>2}-{:<2} {:?}", x - 1, run);
            for (name, c) in [
                ("fg", style.fg),
                ("bg", style.bg),
                ("ul", style.underline_color),
            ] {
                if let Some(c) = c.filter(|c| *c != Color::Reset) {
                    desc.push_str(&format!(" {name}={}", colour(c)));
                }
            }
            if !style.add_modifier.is_empty() {
                desc.push_str(&format!(" +{:?}", style.add_modifier));
            }
            out.push_str(&desc);
            out.push('\n');
        }
    }
    out
}

#[test]
fn afp_at_80x24() {
    let app = app(vec![afp()], 80, 24);
    let (buf, _) = render(&app, &Theme::colour());
    insta::assert_snapshot!("afp_80x24", text(&buf));
}

#[test]
fn afp_at_80x24_styles_kinds_forms_selection_cursor() {
    let mut app = app(vec![afp()], 80, 24);
    press(&mut app, "n n");
    let (buf, _) = render(&app, &Theme::colour());
    insta::assert_snapshot!("afp_80x24_after_n_n", text(&buf));
    let text_area = app.screen.text;
    insta::assert_snapshot!(
        "afp_80x24_after_n_n_article_styles",
        styles(&buf, 2..8, text_area.x - 1..text_area.right())
    );
    // The scrollbar ticks where Haftar is mentioned, in his colour.
    let x = app.screen.article.right() - 1;
    let ticks = (2..22).filter(|&y| buf[(x, y)].fg == Color::Red).count();
    assert!(ticks >= 5, "{ticks} ticks");
}

#[test]
fn search_matches_are_highlighted() {
    let mut app = app(vec![afp()], 80, 24);
    press(&mut app, "/");
    type_text(&mut app, "moskau");
    let (buf, _) = render(&app, &Theme::colour());
    let text_area = app.screen.text;
    insta::assert_snapshot!(
        "afp_80x24_search_moskau_styles",
        styles(&buf, 2..6, text_area.x..text_area.right())
    );
    assert!(text(&buf).lines().last().unwrap().starts_with(" /moskau▏"));
}

#[test]
fn afp_at_40x12_folds_the_panels_and_tab_brings_them_back() {
    let mut app = app(vec![afp()], 40, 12);
    let (buf, _) = render(&app, &Theme::colour());
    insta::assert_snapshot!("afp_40x12", text(&buf));
    press(&mut app, "tab");
    let (buf, hits) = render(&app, &Theme::colour());
    insta::assert_snapshot!("afp_40x12_panels", text(&buf));
    assert!(hits.article.is_none() && hits.actors.is_some());
}

#[test]
fn help_overlay_at_80x24() {
    let mut app = app(vec![afp()], 80, 24);
    press(&mut app, "?");
    let (buf, hits) = render(&app, &Theme::colour());
    insta::assert_snapshot!("help_80x24", text(&buf));
    assert!(hits.modal);
}

#[test]
fn unicode_and_hostile_text_at_80x24() {
    let app = app(vec![unicode()], 80, 24);
    let (buf, _) = render(&app, &Theme::colour());
    let shown = text(&buf);
    insta::assert_snapshot!("unicode_80x24", shown);
    assert!(
        shown.contains("␛]0;pwned␇"),
        "escape sequences shown as placeholders"
    );
    assert!(shown.contains("Evil␛[31mCorp"));
    assert!(!shown.contains('\u{AD}'));
}

#[test]
fn monochrome_theme_keeps_emphasis_without_colour() {
    let mut app = app(vec![afp()], 80, 24);
    press(&mut app, "n n");
    let (buf, _) = render(&app, &Theme::mono());
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let doc = app.doc();
    let cell_of = |i: usize| {
        let (row, col) = doc
            .layout
            .cell_of(&doc.doc.text, doc.doc.mentions[i].span.start())
            .unwrap();
        &buf[(
            app.screen.text.x + col,
            app.screen.text.y + (row - doc.scroll) as u16,
        )]
    };
    let cursor = cell_of(doc.cursor.unwrap());
    assert!(
        cursor
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
    );
    let other = doc.selected_mentions()[2];
    assert!(
        cell_of(other)
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    );
    assert!(!cell_of(other).modifier.contains(Modifier::UNDERLINED));
    let putin = doc.model.by_actor[doc
        .doc
        .mentions
        .iter()
        .position(|m| doc.doc.slice(m.span) == "Putin")
        .map(|i| doc.doc.mentions[i].actor.unwrap().0)
        .unwrap()][0];
    assert!(
        cell_of(putin).modifier.contains(Modifier::BOLD),
        "names stand out in bold"
    );
}

/// No cell holds a control character; every wide character has its second cell to itself
/// and lies wholly on screen.
fn assert_clean(buf: &Buffer, label: &str) {
    let area = buf.area;
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let symbol = buf[(x, y)].symbol();
            assert!(
                !symbol.contains(char::is_control),
                "{label}: control character at {x},{y}"
            );
            if symbol.cell_width() == 2 {
                assert!(
                    x + 1 < area.width,
                    "{label}: wide {symbol:?} cut at the edge, row {y}"
                );
                assert_eq!(
                    buf[(x + 1, y)].symbol(),
                    " ",
                    "{label}: {symbol:?} at {x},{y} overdrawn"
                );
                x += 2;
            } else {
                x += 1;
            }
        }
    }
}

#[test]
fn every_size_from_40x10_to_300x100_draws_cleanly() {
    let sizes = [
        (40, 10),
        (40, 12),
        (41, 11),
        (52, 17),
        (63, 30),
        (79, 24),
        (80, 10),
        (80, 24),
        (81, 25),
        (97, 33),
        (120, 35),
        (133, 41),
        (200, 60),
        (257, 77),
        (300, 100),
    ];
    let states = [
        "",
        "n n n",
        "] ] ] ]",
        "tab j j",
        "tab tab enter",
        "?",
        "H G",
        "p",
    ];
    for fixture in [AFP, UNICODE] {
        for (w, h) in sizes {
            for keys in states {
                let mut app = app(vec![doc(fixture)], w, h);
                press(&mut app, keys);
                if keys.is_empty() {
                    press(&mut app, "/");
                    type_text(&mut app, "東京");
                }
                let (buf, _) = render(&app, &Theme::colour());
                assert_clean(&buf, &format!("{w}x{h} after {keys:?}"));
            }
        }
    }
}

#[test]
fn tiny_terminals_get_a_notice() {
    for (w, h) in [(0, 0), (1, 1), (10, 3), (39, 24), (120, 9), (39, 9)] {
        let mut app = app(vec![afp()], w, h);
        press(&mut app, "n tab ?");
        let (buf, hits) = render(&app, &Theme::colour());
        assert!(hits.modal);
        assert_clean(&buf, &format!("{w}x{h}"));
        if w >= 18 && h >= 1 {
            assert!(text(&buf).contains("terminal too small"), "{w}x{h}");
        }
    }
}
