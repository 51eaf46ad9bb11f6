//! Unit tests of the engine on small hand-built scenarios.
