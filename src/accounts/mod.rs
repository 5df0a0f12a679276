//! Accounting: who counts, what income counts, and the asset tests. Every programme reads these
//! accounts; none recounts members or income.

pub(crate) mod assets;
pub(crate) mod income;
pub(crate) mod members;
pub(crate) mod period;
