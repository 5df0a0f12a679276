//! Support for the jiuzhu fuzz targets: the structure-aware case mutator.

pub mod mutate;
