//! polysum's Python exceptions, and the guard that keeps Rust panics from ever
//! reaching Python as anything but a `PolysumError`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::Error;

pyo3::create_exception!(polysum, PolysumError, PyValueError, "Base class of polysum's errors (a ValueError).");
pyo3::create_exception!(polysum, ConfigError, PolysumError, "An option has an invalid value.");
pyo3::create_exception!(
    polysum,
    InputError,
    PolysumError,
    "An input cannot be summarised (too large, not text, embeddings that do not fit)."
);

pub(crate) fn config_error(message: String) -> PyErr {
    ConfigError::new_err(message)
}

pub(crate) fn input_error(message: String) -> PyErr {
    InputError::new_err(message)
}

pub(crate) fn to_py(error: Error) -> PyErr {
    match error {
        Error::InvalidConfig { .. } => ConfigError::new_err(error.to_string()),
        Error::InputTooLarge { .. } | Error::Embeddings(_) => InputError::new_err(error.to_string()),
        _ => PolysumError::new_err(error.to_string()),
    }
}

/// Runs engine work, turning a panic (a bug: the engine is meant never to panic)
/// into a `PolysumError` instead of a `PanicException` or an abort.
pub(crate) fn guard<T>(work: impl FnOnce() -> T) -> Result<T, PanicMessage> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        PanicMessage(detail)
    })
}

/// A caught panic's message. Plain data, so it can leave a GIL-free section.
pub(crate) struct PanicMessage(String);

impl From<PanicMessage> for PyErr {
    fn from(panic: PanicMessage) -> PyErr {
        PolysumError::new_err(format!("internal error in polysum (please report it): {}", panic.0))
    }
}
