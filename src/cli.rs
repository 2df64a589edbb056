//! Command-line interface: the reader (default), `extract`, `tag`, `eval` and `train`.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "castlist",
    version,
    about = "Who's who in an article: read a news text in the terminal with its people, \
             organisations and places found, grouped and highlighted.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to open: plain text or castlist/1 JSON; `-` reads standard input. Without a file,
    /// the bundled sample article opens.
    pub files: Vec<String>,

    /// Language of the text (default: detected).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Reader keys and theme file (default: castlist/config.toml in the config directory,
    /// e.g. ~/.config/castlist/config.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse articles and write castlist/1 documents to standard output.
    Extract {
        /// Articles to analyse (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// `json`: one pretty-printed document per input; `jsonl`: one document a line.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// Language of the texts (default: detected per text).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Tag CoNLL-style tokens: appends the predicted IOB2 tag to every token line.
    Tag(crate::nlp::cmd::TagArgs),
    /// Score the shipped model against gold corpora: precision, recall and F1 per class.
    Eval(crate::nlp::cmd::EvalArgs),
    /// Train a recognizer model from gold corpora.
    Train(crate::nlp::cmd::TrainArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    De,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CorpusFormat {
    /// GermEval 2014 TSV (index, token, outer tag, nested tag).
    Germeval,
    /// CoNLL-2003 style: token first, tag last, space or tab separated (WikiGold).
    Conll,
    /// Universal NER IOB2 (index, token, tag, …).
    Uner,
    /// HIPE-2022 TSV.
    Hipe,
}

/// Runs the command line; errors go to standard error as one short message.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("castlist: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            let docs = cli
                .files
                .iter()
                .map(|f| open_json(f))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let options = crate::reader::Options { config: cli.config };
            crate::reader::run(docs, options)?
        }
        Some(Command::Extract { .. }) => anyhow::bail!("extract is not built yet"),
        Some(Command::Tag(args)) => crate::nlp::cmd::tag(args)?,
        Some(Command::Eval(args)) => crate::nlp::cmd::eval(args)?,
        Some(Command::Train(args)) => crate::nlp::cmd::train(args)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a castlist/1 JSON file (`-`: standard input) as it is, for the reader.
// Interim until `ingest::load` lands on main: JSON only, no plain text.
fn open_json(path: &str) -> anyhow::Result<crate::document::Document> {
    use anyhow::Context;
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?
    };
    let mut doc = crate::document::json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{path}: not a castlist/1 document: {e}"))?;
    doc.source.get_or_insert_with(|| path.to_string());
    Ok(doc)
}
