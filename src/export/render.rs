//! Pictures drawn by Graphviz: DOT text in, SVG or PNG bytes out, with a callback that
//! is called while Graphviz works, so that the edge can show progress on long renders.
//!
//! The layout engine is the one the DOT text names (`layout=sfdp`); the `dot` command
//! honours it.

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorCode, Result};

/// The picture formats Graphviz renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
}

impl Image {
    fn flag(self) -> &'static str {
        match self {
            Image::Svg => "-Tsvg",
            Image::Png => "-Tpng",
        }
    }
}

/// How often `progress` is called while Graphviz runs.
const TICK: Duration = Duration::from_millis(100);

/// The SVG that Graphviz draws from `dot_text`.
pub fn render_svg(dot_text: &[u8]) -> Result<Vec<u8>> {
    render(dot_text, Image::Svg, &mut |_| {})
}

/// The picture Graphviz draws from `dot_text`, calling `progress` with the time spent
/// at the start and about every tenth of a second until it is done; a clear error when Graphviz is not
/// installed, or when it fails.
pub fn render(dot_text: &[u8], image: Image, progress: &mut dyn FnMut(Duration)) -> Result<Vec<u8>> {
    let unavailable = |e: io::Error| {
        Error::new(ErrorCode::GraphvizUnavailable, format!("cannot run Graphviz's `dot`: {e}"))
            .with_hint("install Graphviz (e.g. `apt install graphviz` or `brew install graphviz`), or export --to dot")
    };
    let started = Instant::now();
    let mut child = Command::new("dot")
        .arg(image.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(unavailable)?;
    // Input, output and errors each on a thread of their own: on large graphs Graphviz
    // writes while it still reads, and any pipe left to fill would stop both sides.
    let mut stdin = child.stdin.take().ok_or_else(|| Error::internal("no pipe to Graphviz"))?;
    let input = dot_text.to_vec();
    let feeder = thread::spawn(move || stdin.write_all(&input));
    let stdout = child.stdout.take().ok_or_else(|| Error::internal("no pipe from Graphviz"))?;
    let stderr = child.stderr.take().ok_or_else(|| Error::internal("no pipe from Graphviz"))?;
    let picture = thread::spawn(move || read_all(stdout));
    let complaints = thread::spawn(move || read_all(stderr));
    let status = loop {
        progress(started.elapsed());
        if let Some(status) = child.try_wait().map_err(unavailable)? {
            break status;
        }
        thread::sleep(TICK);
    };
    let joined = |what: &str| Error::internal(format!("the thread {what} Graphviz failed"));
    let fed = feeder.join().map_err(|_| joined("feeding"))?;
    let picture = picture.join().map_err(|_| joined("reading"))?.map_err(unavailable)?;
    let complaints = complaints.join().map_err(|_| joined("reading"))?.unwrap_or_default();
    if !status.success() {
        let stderr = String::from_utf8_lossy(&complaints);
        return Err(Error::new(ErrorCode::GraphvizUnavailable, format!("Graphviz's `dot` failed: {}", stderr.trim())));
    }
    fed.map_err(unavailable)?;
    Ok(picture)
}

fn read_all(mut from: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    from.read_to_end(&mut bytes)?;
    Ok(bytes)
}
