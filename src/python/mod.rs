//! The Python module `polysum._polysum`: the only code that touches pyo3. It
//! converts Python values to the engine's types, releases the GIL around the work,
//! and converts the results back.

mod classes;
mod convert;
mod errors;
mod html;

use pyo3::prelude::*;

#[pymodule]
#[pyo3(name = "_polysum")]
fn polysum_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("PolysumError", py.get_type::<errors::PolysumError>())?;
    m.add("ConfigError", py.get_type::<errors::ConfigError>())?;
    m.add("InputError", py.get_type::<errors::InputError>())?;
    m.add_class::<classes::PyDocument>()?;
    m.add_class::<classes::PySummarizer>()?;
    m.add_class::<classes::PySummary>()?;
    m.add_class::<classes::PySummarySentence>()?;
    m.add_class::<classes::PyRanking>()?;
    m.add_class::<classes::PySentence>()?;
    m.add_function(wrap_pyfunction!(classes::sentences, m)?)?;
    m.add_function(wrap_pyfunction!(classes::normalize, m)?)?;
    m.add_function(wrap_pyfunction!(classes::count_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    let languages: Vec<&str> = crate::Language::ALL.iter().map(|l| l.name()).collect();
    m.add("LANGUAGES", languages)?;
    let methods: Vec<&str> = crate::Method::ALL.iter().map(|l| l.name()).collect();
    m.add("METHODS", methods)?;
    m.add("TOKENIZERS", crate::Encoding::NAMES.to_vec())?;
    Ok(())
}

/// Runs the `polysum` command with `argv` (program name first) and returns its
/// exit code: the console script's entry point, the same code as the Rust binary.
#[pyfunction]
fn cli_main(py: Python<'_>, argv: Vec<String>) -> i32 {
    py.detach(|| crate::cli::main(argv))
}
