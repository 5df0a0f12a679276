//! Accounting: who counts, what income counts, and the asset tests. Every programme reads these
//! accounts; none recounts members or income. Verification reads the income reference period
//! (`period`) and the farm-income rule (`income`) from here too.
//!
//! The accounts may use the case model, the parameters, exact money arithmetic and findings;
//! never the programmes, the determination, verification or the answer text.

pub(crate) mod assets;
pub(crate) mod income;
pub(crate) mod members;
pub(crate) mod period;
mod summary;

pub use summary::Accounts;
