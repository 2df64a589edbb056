//! The recognizer's commands: `tag`, `eval` and `train`.

use std::path::PathBuf;

use clap::Args;

use crate::cli::{CorpusFormat, LangArg};

#[derive(Args, Debug)]
pub struct TagArgs {
    /// Token file (`-` or nothing for standard input).
    pub file: Option<String>,
    /// Model language (default: detected from the tokens).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold files.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Model language (default: detected from the tokens).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Corpus format (default: recognised from the file).
    #[arg(long, value_enum)]
    pub format: Option<CorpusFormat>,
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Language of the model.
    #[arg(long, value_enum)]
    pub lang: LangArg,
}

pub fn tag(_args: TagArgs) -> anyhow::Result<()> {
    anyhow::bail!("tag is not built yet")
}

pub fn eval(args: EvalArgs) -> anyhow::Result<()> {
    // castlist/1 gold documents score the actors (linking and the whole analysis).
    if args
        .gold
        .iter()
        .all(|p| p.extension().is_some_and(|e| e == "json"))
    {
        return crate::actors::cmd::eval(&args.gold, args.lang.map(Into::into));
    }
    anyhow::bail!("eval is not built yet")
}

pub fn train(_args: TrainArgs) -> anyhow::Result<()> {
    anyhow::bail!("train is not built yet")
}
