//! Reading the files people and other files name: never more than [`LARGEST`] bytes,
//! so `/dev/zero` or a runaway file cannot fill the memory, and, for a file another file
//! names (a scenario's include), only a plain file, so a pipe or a device never stalls a
//! load. Every reader of outside files goes through here.

use std::io::{self, Read};
use std::path::Path;

/// The most bytes any one input file may hold: 256 MiB (a journal of a national
/// exercise is a few tens of MiB).
pub const LARGEST: u64 = 256 << 20;

/// The bytes of `path` (a file, or a pipe the user gave), at most [`LARGEST`] of them.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::other("a folder, not a file"));
    }
    let mut bytes = Vec::new();
    file.take(LARGEST + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > LARGEST {
        return Err(io::Error::other(format!(
            "larger than {} MiB, the most crossdrill reads from one file",
            LARGEST >> 20
        )));
    }
    Ok(bytes)
}

/// [`read`] as UTF-8 text.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
        )
    })
}

/// [`read_to_string`] of a file another file names: a plain file only (no pipe, no
/// device, no folder).
pub fn read_named(path: &Path) -> io::Result<String> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::other(
            "not a plain file (a device, a pipe or a folder)",
        ));
    }
    read_to_string(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_without_end_is_cut_at_the_limit_and_refused() {
        let err = read(Path::new("/dev/zero")).unwrap_err();
        assert!(err.to_string().contains("256 MiB"), "{err}");
    }

    #[test]
    fn a_named_file_must_be_a_plain_file() {
        for p in ["/dev/zero", "/dev/null", "/tmp"] {
            let err = read_named(Path::new(p)).unwrap_err();
            assert!(err.to_string().contains("plain file"), "{p}: {err}");
        }
    }

    #[test]
    fn a_plain_file_reads_whole() {
        let dir = std::env::temp_dir().join(format!("crossdrill-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.txt");
        std::fs::write(&p, "時刻 10:00\n").unwrap();
        assert_eq!(read_named(&p).unwrap(), "時刻 10:00\n");
        std::fs::write(&p, [0xff, 0xfe]).unwrap();
        assert!(
            read_to_string(&p)
                .unwrap_err()
                .to_string()
                .contains("UTF-8")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
