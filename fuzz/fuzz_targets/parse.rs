//! The parser and the script splitter on any text: an AST or a `SyntaxError`, never a
//! panic or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = steppe::parse_statement(text);
        let _ = steppe::syntax::split_script(text);
    }
});
