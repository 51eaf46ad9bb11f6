//! A UDP relay on loopback that stands where the seat files say the host is and makes
//! the network bad, from a seed: both ways it drops, delays, duplicates and reorders
//! packets, and cuts a client off for a while. Each client address gets a socket of its
//! own towards the host, kept for the whole run, so a client restarted on its seat's port
//! is the same peer to the host (netcode lets a token in only from one address). The seed
//! fixes each decision in the order packets come; when they come is the machine's.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How bad the network is (by default, not at all).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// The chance a packet is lost.
    pub drop: f64,
    /// The chance a packet arrives twice (the copy later).
    pub duplicate: f64,
    /// Each packet is held up to this long, so packets overtake each other.
    pub delay: Duration,
    /// The chance a packet is held back a further 100 ms (well out of order).
    pub late: f64,
    /// After this many packets of a client (each way together), it is cut off ...
    pub cut_after: Option<u64>,
    /// ... for this long: nothing of it gets through either way.
    pub cut_for: Duration,
}

impl Faults {
    /// The faults of one seeded run.
    pub fn from_seed(rng: &mut ChaCha8Rng) -> Faults {
        Faults {
            drop: rng.random_range(0.0..0.25),
            duplicate: rng.random_range(0.0..0.15),
            delay: Duration::from_millis(rng.random_range(0..60)),
            late: rng.random_range(0.0..0.05),
            cut_after: rng.random_bool(0.5).then(|| rng.random_range(20..400)),
            cut_for: Duration::from_millis(rng.random_range(200..3000)),
        }
    }
}

/// What the relay did to the packets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub packets: u64,
    pub dropped: u64,
    pub duplicated: u64,
    pub late: u64,
    /// Lost to a cut.
    pub cut: u64,
}

/// Cuts every client off when told: a test's own fault, at a moment it picks.
#[derive(Clone, Default)]
pub struct Cutter(Arc<Mutex<Option<Instant>>>);

impl Cutter {
    /// Nothing gets through, either way, for `d` from now.
    pub fn cut(&self, d: Duration) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(Instant::now() + d);
    }

    fn cut_now(&self, now: Instant) -> bool {
        let until = *self.0.lock().unwrap_or_else(PoisonError::into_inner);
        until.is_some_and(|t| now < t)
    }
}

/// One client address and its socket towards the host.
struct Peer {
    client: SocketAddr,
    up: UdpSocket,
    packets: u64,
    cut_until: Option<Instant>,
}

/// A packet on its way: when it is due, its place in line, which peer, which way.
type Held = Reverse<(Instant, u64, usize, bool, Vec<u8>)>;

struct Relay {
    front: UdpSocket,
    host: SocketAddr,
    faults: Faults,
    rng: ChaCha8Rng,
    peers: Vec<Peer>,
    held: BinaryHeap<Held>,
    line: u64,
    tally: Tally,
    cutter: Cutter,
}

impl Relay {
    /// Decide what becomes of one packet of `peer` (towards the host when `up`).
    fn pass(&mut self, peer: usize, up: bool, bytes: &[u8]) {
        let now = Instant::now();
        self.tally.packets += 1;
        let p = &mut self.peers[peer];
        p.packets += 1;
        if self.faults.cut_after == Some(p.packets) {
            p.cut_until = Some(now + self.faults.cut_for);
        }
        if p.cut_until.is_some_and(|t| now < t) || self.cutter.cut_now(now) {
            self.tally.cut += 1;
            return;
        }
        if self.rng.random_bool(self.faults.drop) {
            self.tally.dropped += 1;
            return;
        }
        let copies = if self.rng.random_bool(self.faults.duplicate) {
            self.tally.duplicated += 1;
            2
        } else {
            1
        };
        for _ in 0..copies {
            let most = self.faults.delay.as_micros() as u64;
            let mut wait = Duration::from_micros(self.rng.random_range(0..=most));
            if self.rng.random_bool(self.faults.late) {
                self.tally.late += 1;
                wait += Duration::from_millis(100);
            }
            self.line += 1;
            let held = (now + wait, self.line, peer, up, bytes.to_vec());
            self.held.push(Reverse(held));
        }
    }

    /// The peer of a client address, made on its first packet.
    fn peer_of(&mut self, client: SocketAddr) -> Option<usize> {
        if let Some(i) = self.peers.iter().position(|p| p.client == client) {
            return Some(i);
        }
        // Above the host's port, in the block handed out with it (see `free_addr`).
        let port = self.host.port().checked_add(1 + self.peers.len() as u16);
        let up = port
            .and_then(|p| UdpSocket::bind(("127.0.0.1", p)).ok())
            .or_else(|| UdpSocket::bind("127.0.0.1:0").ok())?;
        up.connect(self.host).ok()?;
        up.set_nonblocking(true).ok()?;
        self.peers.push(Peer {
            client,
            up,
            packets: 0,
            cut_until: None,
        });
        Some(self.peers.len() - 1)
    }

    /// Read what waits on every socket; `true` if anything did.
    fn read(&mut self, buf: &mut [u8]) -> bool {
        let mut any = false;
        while let Ok((n, from)) = self.front.recv_from(buf) {
            any = true;
            if let Some(peer) = self.peer_of(from) {
                self.pass(peer, true, &buf[..n]);
            }
        }
        for peer in 0..self.peers.len() {
            while let Ok(n) = self.peers[peer].up.recv(buf) {
                any = true;
                self.pass(peer, false, &buf[..n]);
            }
        }
        any
    }

    /// Send the packets that are due (a send that fails is a packet lost).
    fn deliver(&mut self) {
        let now = Instant::now();
        while self.held.peek().is_some_and(|Reverse(h)| h.0 <= now) {
            let Some(Reverse((_, _, peer, up, bytes))) = self.held.pop() else {
                break;
            };
            let p = &self.peers[peer];
            let _ = if up {
                p.up.send(&bytes)
            } else {
                self.front.send_to(&bytes, p.client)
            };
        }
    }
}

/// A running relay; [`Proxy::stop`] ends it.
pub struct Proxy {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Tally>,
    pub cutter: Cutter,
}

impl Proxy {
    /// Relay between clients on `public` and the host on `host` (both on loopback).
    pub fn start(public: SocketAddr, host: SocketAddr, faults: Faults, seed: u64) -> Proxy {
        assert!(public.ip().is_loopback() && host.ip().is_loopback());
        let front = UdpSocket::bind(public).expect("the relay's port");
        front.set_nonblocking(true).expect("non-blocking");
        let mut relay = Relay {
            front,
            host,
            faults,
            rng: ChaCha8Rng::seed_from_u64(seed ^ 0x7072_6f78),
            peers: Vec::new(),
            held: BinaryHeap::new(),
            line: 0,
            tally: Tally::default(),
            cutter: Cutter::default(),
        };
        let cutter = relay.cutter.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut buf = vec![0u8; 2048];
            while !stopped.load(Ordering::Relaxed) {
                let busy = relay.read(&mut buf);
                relay.deliver();
                if !busy {
                    std::thread::sleep(Duration::from_micros(500));
                }
            }
            relay.tally
        });
        Proxy {
            stop,
            thread,
            cutter,
        }
    }

    /// Stop relaying: what it did.
    pub fn stop(self) -> Tally {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().expect("the relay thread")
    }
}
