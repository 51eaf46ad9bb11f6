//! A scenario's content hash: SHA-256 of the scenario as the engine runs it (its
//! validated form as JSON), so that a journal can say which version of a scenario it
//! was recorded with, whatever file layout, comments or includes that version had.

use super::model::Scenario;
use sha2::{Digest, Sha256};

/// Feeds what is written into the hash, so a large scenario is never held as text.
struct Hashing(Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Scenario {
    /// The scenario's content hash, as lowercase hex.
    pub fn content_hash(&self) -> String {
        let mut h = Hashing(Sha256::new());
        // Writing into a hash cannot fail, and every part of a scenario serialises.
        let _ = serde_json::to_writer(&mut h, self);
        format!("{:x}", h.0.finalize())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_change_changes_the_hash_and_nothing_else_does() {
        let a = crate::scenario::builtin_default();
        let mut b = a.clone();
        assert_eq!(a.content_hash(), b.content_hash());
        assert_eq!(a.content_hash().len(), 64);
        b.services[3].criticality += 0.5;
        assert_ne!(a.content_hash(), b.content_hash());
    }
}
