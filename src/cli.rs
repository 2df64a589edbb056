//! Command-line interface: the reader (default), `extract`, `tag`, `eval` and `train`.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::{Lang, json};

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
    /// Score against gold: a model on NER corpora (precision, recall and F1 per class), or
    /// actor linking on castlist/1 documents (B³, mention scores, names).
    Eval(crate::nlp::cmd::EvalArgs),
    /// Train a recognizer model from gold corpora.
    Train(Box<crate::nlp::cmd::TrainArgs>),
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
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("castlist: {}", message(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, leaving out a cause the message before already says
/// (the library's errors name their cause themselves).
fn message(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    message
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            let lang = cli.lang.map(Lang::from);
            // Every file is read and analysed before the terminal is touched, so that a bad
            // file is a plain error message.
            let docs = if cli.files.is_empty() {
                vec![crate::open_sample(lang)]
            } else {
                cli.files
                    .iter()
                    .map(|name| crate::open(name, lang.clone()))
                    .collect::<Result<Vec<_>, _>>()?
            };
            let options = crate::reader::Options { config: cli.config };
            crate::reader::run(docs, options)?;
        }
        Some(Command::Extract {
            files,
            format,
            lang,
        }) => return extract(&files, format, lang.map(Lang::from)),
        Some(Command::Tag(args)) => crate::nlp::cmd::tag(args)?,
        Some(Command::Eval(args)) => crate::nlp::cmd::eval(args)?,
        Some(Command::Train(args)) => crate::nlp::cmd::train(*args)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `castlist extract`: one castlist/1 document per input on standard output (a JSON array when
/// there are several inputs and the format is `json`). A file that cannot be read is reported
/// on standard error and skipped; the exit status then says so.
///
/// Two stages, each on a thread of its own: this one reads the articles and recognises their
/// names, the other links, reports and writes them in order. With several articles the stages
/// overlap, and linking keeps its code and tables in its own core's caches: right after the
/// recognizer on one core, whose model weights push them out, it takes about twice as long.
fn extract(files: &[String], format: OutputFormat, lang: Option<Lang>) -> anyhow::Result<ExitCode> {
    type Read<'f> = (
        &'f str,
        Result<crate::Recognised, crate::ingest::IngestError>,
    );
    // Room for two articles between the stages: enough to keep both busy, and memory stays
    // that of a few documents however many files there are.
    let (send, receive) = std::sync::mpsc::sync_channel::<Read>(2);
    let array = format == OutputFormat::Json && files.len() > 1;
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> anyhow::Result<bool> {
            crate::actors::prepare();
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let mut failed = false;
            let mut written = 0;
            if array {
                out.write_all(b"[\n")?;
            }
            for (name, read) in receive {
                let doc = match read {
                    Ok(recognised) => recognised.link(),
                    Err(err) => {
                        eprintln!("castlist: {err}");
                        failed = true;
                        continue;
                    }
                };
                if let Some(notice) = crate::nlp::lang::no_model_notice(&doc.lang) {
                    let name = crate::ingest::display_name(name);
                    eprintln!("castlist: {name}: {notice}");
                }
                if array && written > 0 {
                    out.write_all(b",\n")?;
                }
                json::write(&doc, &mut out, format == OutputFormat::Json)?;
                out.write_all(b"\n")?;
                written += 1;
            }
            if array {
                out.write_all(b"]\n")?;
            }
            out.flush()?;
            Ok(failed)
        });
        for name in files {
            let read = crate::Recognised::read(name, lang.clone());
            if send.send((name, read)).is_err() {
                // The writer stopped (standard output closed): its error tells why.
                break;
            }
        }
        drop(send);
        let failed = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Ok(if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    })
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
