//! `update` driven by key sequences (through the real keymap) and mouse actions on the AFP
//! fixture: what the user would see change.

mod reader_support;

use castlist::document::Document;
use castlist::reader::action::{Action, Focus};
use castlist::reader::app::App;
use castlist::reader::config::Config;
use castlist::reader::geometry::Panels;
use reader_support::*;

fn afp_app() -> App {
    app(vec![afp()], 120, 35)
}

const HAFTAR: [&str; 10] = [
    "Haftar",
    "Der militärische Machthaber",
    "Khalifa Haftar",
    "Haftar",
    "Haftar",
    "Haftars",
    "Der östliche Machthaber",
    "Haftar",
    "Haftars",
    "Haftar",
];

#[test]
fn n_walks_the_selected_actors_mentions_and_wraps() {
    let mut app = afp_app();
    assert_eq!(selected_name(&app).as_deref(), Some("Khalifa Haftar"));
    let mut seen = Vec::new();
    for _ in 0..10 {
        press(&mut app, "n");
        seen.push(cursor_text(&app).unwrap());
        assert!(cursor_on_screen(&app));
    }
    assert_eq!(seen, HAFTAR);
    assert_eq!(app.message.as_deref(), Some("Khalifa Haftar 10/10"));
    press(&mut app, "n");
    assert_eq!(app.doc().mentions_pos, 0);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("wrapped to the start")
    );
    press(&mut app, "N");
    assert_eq!(app.doc().mentions_pos, 9);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("wrapped to the end")
    );
}

#[test]
fn n_and_capital_n_start_from_the_screen_when_there_is_no_cursor() {
    let mut app = app(vec![afp()], 80, 24);
    press(&mut app, "N");
    assert_eq!(
        app.doc().mentions_pos,
        9,
        "N from the top wraps to the last mention"
    );
    let mut app = app_at_bottom();
    press(&mut app, "n");
    let shown_from = app.doc().top_offset();
    let cursor = app.doc().cursor.unwrap();
    assert!(app.doc().doc.mentions[cursor].span.start() >= shown_from);
    assert_eq!(cursor_text(&app).as_deref(), Some("Haftar"));
}

fn app_at_bottom() -> App {
    let mut app = app(vec![afp()], 80, 24);
    press(&mut app, "G");
    app
}

#[test]
fn brackets_step_through_mentions_of_any_actor_and_select_it() {
    let mut app = afp_app();
    press(&mut app, "]");
    assert_eq!(cursor_text(&app).as_deref(), Some("Ostlibyens"));
    assert_eq!(selected_name(&app).as_deref(), Some("Libyen"));
    press(&mut app, "]");
    assert_eq!(cursor_text(&app).as_deref(), Some("Haftar"));
    assert_eq!(selected_name(&app).as_deref(), Some("Khalifa Haftar"));
    press(&mut app, "[");
    assert_eq!(cursor_text(&app).as_deref(), Some("Ostlibyens"));
    press(&mut app, "[");
    assert_eq!(
        cursor_text(&app).as_deref(),
        Some("US"),
        "wraps to the last one shown"
    );
    // The unlinked "UN-Sicherheitsrates" is passed over.
    let unlinked = app
        .doc()
        .doc
        .mentions
        .iter()
        .position(|m| m.actor.is_none())
        .unwrap();
    app.doc_mut().cursor = Some(unlinked - 1);
    press(&mut app, "]");
    assert_eq!(app.doc().cursor, Some(unlinked + 1));
}

#[test]
fn the_panels_select_actors_list_their_mentions_and_jump() {
    let mut app = afp_app();
    press(&mut app, "tab j");
    assert_eq!(app.focus, Focus::Actors);
    assert_eq!(selected_name(&app).as_deref(), Some("Libyen"));
    assert_eq!(app.doc().selected_mentions().len(), 7);
    press(&mut app, "enter");
    assert_eq!(cursor_text(&app).as_deref(), Some("Ostlibyens"));
    press(&mut app, "tab j j enter");
    assert_eq!(app.focus, Focus::Mentions);
    assert_eq!(app.doc().mentions_pos, 2);
    let third = app.doc().selected_mentions()[2];
    assert_eq!(app.doc().cursor, Some(third));
    assert!(cursor_on_screen(&app));
    press(&mut app, "shift-tab shift-tab");
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn number_keys_hide_kinds_everywhere() {
    let mut app = afp_app();
    press(&mut app, "1");
    let doc = app.doc();
    assert!(
        doc.actors
            .iter()
            .all(|a| doc.doc.actors[a.0].kind != castlist::document::Kind::Per)
    );
    assert_eq!(selected_name(&app).as_deref(), Some("Libyen"));
    press(&mut app, "] ]");
    assert_eq!(
        cursor_text(&app).as_deref(),
        Some("Moskau"),
        "Haftar and Putin passed over"
    );
    press(&mut app, "1");
    assert_eq!(app.doc().actors.len(), 23);
}

#[test]
fn s_cycles_the_actor_order() {
    let mut app = afp_app();
    let first = |app: &App| app.doc().doc.actors[app.doc().actors[0].0].name.clone();
    assert_eq!(first(&app), "Khalifa Haftar");
    press(&mut app, "s");
    assert_eq!(first(&app), "AFP");
    assert_eq!(app.message.as_deref(), Some("actors by name"));
    press(&mut app, "s");
    assert_eq!(first(&app), "Libyen");
    press(&mut app, "s");
    assert_eq!(first(&app), "Khalifa Haftar");
}

#[test]
fn search_is_incremental_case_insensitive_and_n_follows_it() {
    let mut app = afp_app();
    press(&mut app, "/");
    type_text(&mut app, "MOSK");
    let search = app.doc().search.clone().unwrap();
    assert_eq!(search.matches.len(), 4);
    assert_eq!(search.current, Some(0));
    press(&mut app, "enter");
    assert!(app.prompt.is_none());
    press(&mut app, "n");
    assert_eq!(app.doc().search.as_ref().unwrap().current, Some(1));
    press(&mut app, "N N");
    assert_eq!(app.doc().search.as_ref().unwrap().current, Some(3));
    assert!(app.message.as_deref().unwrap().contains("wrapped"));
    press(&mut app, "esc");
    assert!(app.doc().search.is_none());
    press(&mut app, "n");
    assert_eq!(
        cursor_text(&app).as_deref(),
        Some("Haftar"),
        "n is back to mentions"
    );
}

#[test]
fn esc_while_typing_a_search_goes_back_to_where_reading_was() {
    let mut app = app_at_bottom();
    let bottom = app.doc().scroll;
    press(&mut app, "/");
    type_text(&mut app, "ostlibyens");
    assert_eq!(app.doc().scroll, 0, "the match in the title is shown");
    press(&mut app, "backspace");
    assert_eq!(app.prompt.as_ref().unwrap().text, "ostlibyen");
    press(&mut app, "esc");
    assert_eq!(app.doc().scroll, bottom);
    assert!(app.doc().search.is_none());
}

#[test]
fn slash_in_the_actors_panel_filters_by_name_and_alias() {
    let mut app = afp_app();
    press(&mut app, "tab /");
    type_text(&mut app, "put");
    assert_eq!(app.doc().actors.len(), 1);
    assert_eq!(selected_name(&app).as_deref(), Some("Wladimir Putin"));
    press(&mut app, "enter");
    assert_eq!(app.doc().filter, "put");
    press(&mut app, "esc");
    assert_eq!(app.doc().actors.len(), 23);
    assert_eq!(selected_name(&app).as_deref(), Some("Wladimir Putin"));
    press(&mut app, "/");
    type_text(&mut app, "haftars");
    assert_eq!(selected_name(&app).as_deref(), Some("Khalifa Haftar"));
}

#[test]
fn jumping_to_a_mention_in_the_byline_shows_the_hidden_text() {
    let mut app = afp_app();
    press(&mut app, "tab /");
    type_text(&mut app, "afp");
    press(&mut app, "enter tab enter");
    assert!(app.doc().show_all);
    assert_eq!(cursor_text(&app).as_deref(), Some("AFP"));
    assert!(cursor_on_screen(&app));
    press(&mut app, "H");
    assert!(!app.doc().show_all);
    assert_eq!(
        app.doc().cursor,
        None,
        "the cursor leaves with the hidden text"
    );
}

#[test]
fn resizing_keeps_the_current_mention_in_view() {
    let mut app = afp_app();
    press(&mut app, "N");
    assert_eq!(cursor_text(&app).as_deref(), Some("Haftar"));
    for (w, h) in [(40, 12), (300, 100), (79, 24), (30, 8), (80, 24), (41, 10)] {
        act(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        if !app.screen.too_small {
            assert!(cursor_on_screen(&app), "at {w}x{h}");
            assert!(app.doc().layout.width() <= app.screen.text.width.max(2));
        }
    }
}

#[test]
fn paging_keys_move_by_pages_and_stop_at_the_ends() {
    let mut app = app(vec![afp()], 80, 24);
    let page = app.page();
    assert_eq!(page, 20);
    press(&mut app, "space");
    assert_eq!(app.doc().scroll, page - 2);
    press(&mut app, "b");
    assert_eq!(app.doc().scroll, 0);
    press(&mut app, "ctrl-d");
    assert_eq!(app.doc().scroll, page / 2);
    press(&mut app, "ctrl-u k k");
    assert_eq!(app.doc().scroll, 0);
    press(&mut app, "j j");
    assert_eq!(app.doc().scroll, 2);
    press(&mut app, "G");
    assert_eq!(app.doc().scroll, app.doc().layout.len() - page);
    press(&mut app, "j pagedown");
    assert_eq!(app.doc().scroll, app.doc().layout.len() - page);
    press(&mut app, "home");
    assert_eq!(app.doc().scroll, 0);
}

#[test]
fn help_opens_scrolls_and_closes_and_q_quits_from_it() {
    let mut app = afp_app();
    press(&mut app, "?");
    assert_eq!(app.help, Some(0));
    press(&mut app, "j");
    assert_eq!(app.help, Some(1));
    assert_eq!(app.doc().scroll, 0, "keys go to the help");
    press(&mut app, "esc");
    assert_eq!(app.help, None);
    press(&mut app, "? q");
    assert!(app.quit);
}

#[test]
fn narrow_terminals_fold_the_panels_and_bring_them_back() {
    let mut app = app(vec![afp()], 60, 20);
    assert_eq!(app.screen.panels, Panels::Hidden);
    press(&mut app, "tab");
    assert_eq!(app.screen.panels, Panels::Over);
    press(&mut app, "j enter");
    assert_eq!(app.focus, Focus::Article, "the jump shows the article");
    assert_eq!(app.screen.panels, Panels::Hidden);
    assert_eq!(cursor_text(&app).as_deref(), Some("Ostlibyens"));
    press(&mut app, "p");
    assert_eq!(app.screen.panels, Panels::Over);
    press(&mut app, "esc");
    assert_eq!(app.screen.panels, Panels::Hidden);
    let mut wide = afp_app();
    press(&mut wide, "p");
    assert_eq!(wide.screen.panels, Panels::Hidden);
    assert!(wide.screen.text.width > 60, "the article takes the room");
    press(&mut wide, "tab");
    assert_eq!(wide.screen.panels, Panels::Beside);
}

#[test]
fn documents_switch_and_keep_their_place() {
    let mut app = app(vec![afp(), unicode()], 80, 24);
    press(&mut app, ">");
    assert_eq!(app.current, 1);
    assert!(app.message.as_deref().unwrap().starts_with("document 2/2"));
    press(&mut app, "G");
    let bottom = app.doc().scroll;
    press(&mut app, "<");
    assert_eq!((app.current, app.doc().scroll), (0, 0));
    press(&mut app, "<");
    assert_eq!((app.current, app.doc().scroll), (1, bottom));
}

#[test]
fn clicks_select_mentions_and_actors_and_the_wheel_scrolls() {
    let mut app = afp_app();
    let doc = app.doc();
    let putin = doc
        .doc
        .mentions
        .iter()
        .find(|m| doc.doc.slice(m.span) == "Wladimir Putin")
        .unwrap()
        .span;
    let (row, col) = doc.layout.cell_of(&doc.doc.text, putin.start()).unwrap();
    act(&mut app, Action::ClickArticle { row, col: col + 3 });
    assert_eq!(selected_name(&app).as_deref(), Some("Wladimir Putin"));
    assert_eq!(cursor_text(&app).as_deref(), Some("Wladimir Putin"));
    let before = (app.doc().selected, app.doc().cursor);
    act(&mut app, Action::ClickArticle { row: 0, col: 12 });
    assert_eq!(
        (app.doc().selected, app.doc().cursor),
        before,
        "plain text does nothing"
    );
    act(&mut app, Action::ClickActor(2));
    assert_eq!(selected_name(&app).as_deref(), Some("Russland"));
    assert_eq!(app.focus, Focus::Actors);
    act(&mut app, Action::ClickMention(1));
    assert_eq!(app.doc().cursor, Some(app.doc().selected_mentions()[1]));
    act(
        &mut app,
        Action::Scroll {
            pane: Focus::Article,
            rows: 3,
        },
    );
    assert_eq!(app.doc().scroll, 3);
    act(
        &mut app,
        Action::Scroll {
            pane: Focus::Actors,
            rows: 3,
        },
    );
    assert_eq!(app.doc().actors_top, 3);
}

#[test]
fn a_document_without_actors_or_blocks_reads_and_explains() {
    let doc: Document = castlist::document::json::from_str(
        r#"{"format":"castlist/1","text":"Zeile eins\nZeile zwei\n\nNoch ein Absatz."}"#,
    )
    .unwrap();
    let mut app = app(vec![doc], 80, 24);
    assert_eq!(app.doc().layout.len(), 4, "line breaks kept without blocks");
    press(&mut app, "n");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("no actor selected")
    );
    press(&mut app, "]");
    assert_eq!(
        app.message.as_deref(),
        Some("no mentions in the text shown")
    );
    press(&mut app, "tab j enter");
    assert!(app.doc().cursor.is_none());
}

#[test]
fn user_key_bindings_drive_update() {
    let config = Config::from_source("[keys.global]\nnext_mention = \"x\"\n", "test").unwrap();
    let mut app = App::new(vec![afp()], config.keymap, 120, 35);
    press(&mut app, "n");
    assert_eq!(app.doc().cursor, None, "n is no longer bound");
    press(&mut app, "x");
    assert_eq!(cursor_text(&app).as_deref(), Some("Haftar"));
}

#[test]
fn a_text_in_a_language_without_a_model_opens_with_a_notice() {
    let french = doc(r#"{"format": "castlist/1", "lang": "fr",
        "text": "Macron à Paris\n\nLe président a parlé."}"#);
    let mut app = app(vec![afp(), french], 100, 30);
    assert_eq!(app.message, None, "German needs no notice");
    press(&mut app, ">");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("French") && message.contains("German and English"),
        "{message}"
    );
    let app = self::app(
        vec![doc(
            r#"{"format": "castlist/1", "lang": "fr", "text": "Bonjour"}"#,
        )],
        100,
        30,
    );
    assert!(app.message.is_some_and(|m| m.contains("French")));
}
