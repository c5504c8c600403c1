//! The lexicon's table of short words: each word of up to [`SHORT`] bytes held
//! in its key, in an open-addressed table whose slot for a word can be fetched
//! into the cache before the word is looked up.
//!
//! A DUC cluster's rarer words are each a cache miss in a lexicon that has met
//! tens of thousands of words; looked up one after another, the misses come one
//! after another too. Prefetching every slot of a sentence first lets them
//! overlap. A standard hash map keeps its slots to itself, so this table is its
//! own: linear probing, at most half full, one slot per word.

/// The longest word, in bytes, that a [`ShortWord`] holds.
pub(super) const SHORT: usize = 15;

/// A word of up to [`SHORT`] bytes as a key: its bytes, zero-padded, then its
/// length in the last byte. Looking a word up in a map of strings hashed its bytes
/// and then compared them with the key's, kept elsewhere on the heap: a cache miss
/// and a call to `memcmp` per word of the cluster (`memcmp` alone took 5-7% of a
/// DUC cluster's time). Two words compare here as two pairs of integers in the
/// table's own slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ShortWord([u64; 2]);

/// Marks an empty slot: a length byte of 0xFF, which no word's key has.
const EMPTY: ShortWord = ShortWord([u64::MAX; 2]);

/// The multiplier of rustc-hash's Fx hash, odd: multiplying by it is one to one.
const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;

impl ShortWord {
    /// The key of `word`, if it is short enough. Read as whole integers that may
    /// overlap, not copied byte by byte into a buffer first: reading eight bytes
    /// back from a buffer just written in pieces waits for the pieces to reach the
    /// cache, about a tenth of a lookup's time.
    pub(super) fn of(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        let len = bytes.len();
        if len > SHORT {
            return None;
        }
        let last = (len as u64) << 56;
        Some(ShortWord(if len >= 8 {
            // The last eight bytes hold bytes 8.. at their top: shift the rest out.
            let high = u64_at(bytes, len - 8) >> 1 >> (8 * (16 - len) - 1);
            [u64_at(bytes, 0), high | last]
        } else {
            [low_bytes(bytes), last]
        }))
    }

    /// A hash whose top bits place the key in the table: each multiplication by
    /// an odd constant mixes every bit of its operand into the top ones.
    fn hash(self) -> u64 {
        (self.0[0].wrapping_mul(MULTIPLIER) ^ self.0[1]).wrapping_mul(MULTIPLIER)
    }
}

/// The eight bytes of `bytes` from `at`, as a little-endian integer.
fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// Up to seven bytes as a little-endian integer, zero-padded. Two reads that
/// overlap (four bytes from each end, or single bytes below four) put every byte
/// in its place, and a byte read twice ORs with itself.
fn low_bytes(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes")));
    match len {
        0 => 0,
        1..=3 => {
            let byte = |at: usize| u64::from(bytes[at]) << (8 * at);
            byte(0) | byte(len / 2) | byte(len - 1)
        }
        _ => u32_at(0) | u32_at(len - 4) << (8 * (len - 4)),
    }
}

/// One word and its value.
#[derive(Clone, Copy)]
struct Slot {
    key: ShortWord,
    value: Option<u32>,
}

/// Short words -> a term id, or None for a stop word.
#[derive(Default)]
pub(super) struct ShortWords {
    /// A power of two of slots, or none before the first word.
    slots: Vec<Slot>,
    /// Words held.
    len: usize,
    /// 64 - log2 of the slot count: a hash shifted right by it is a word's first slot.
    shift: u32,
}

/// The fewest slots a table that holds a word has.
const MIN_SLOTS: usize = 1024;

impl ShortWords {
    /// How many words it holds.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The slot where the search for `key` starts.
    fn home(&self, key: ShortWord) -> usize {
        (key.hash() >> self.shift) as usize
    }

    /// Starts fetching the slot of `key` into the cache, so that a lookup soon
    /// after need not wait for it.
    pub(super) fn prefetch(&self, key: ShortWord) {
        if self.slots.is_empty() {
            return;
        }
        let slot: *const Slot = &self.slots[self.home(key)];
        #[cfg(target_arch = "x86_64")]
        // SAFETY: a prefetch is only a hint: it reads no memory the program sees,
        // and SSE, which provides it, is part of every x86-64 processor.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(slot.cast());
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slot;
    }

    /// The value of `key`, if the table holds it.
    pub(super) fn get(&self, key: ShortWord) -> Option<Option<u32>> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        loop {
            let slot = &self.slots[at];
            if slot.key == key {
                return Some(slot.value);
            }
            if slot.key == EMPTY {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Adds `key`, which the table does not hold, with `value`.
    pub(super) fn insert(&mut self, key: ShortWord, value: Option<u32>) {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        self.place(Slot { key, value });
        self.len += 1;
    }

    /// Puts `slot` in the first empty slot from its key's home.
    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut at = self.home(slot.key);
        while self.slots[at].key != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = slot;
    }

    /// Doubles the slots (or makes the first ones) and places the words again.
    fn grow(&mut self) {
        let count = (2 * self.slots.len()).max(MIN_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![Slot { key: EMPTY, value: None }; count]);
        self.shift = 64 - count.trailing_zeros();
        for slot in old.into_iter().filter(|slot| slot.key != EMPTY) {
            self.place(slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hold_the_padded_bytes_and_the_length() {
        // Fifteen bytes are a short word, sixteen a long one; a key holds its
        // length, so no word's key is a padded shorter word's.
        assert_ne!(ShortWord::of("ab"), ShortWord::of("ab\0"));
        assert!(ShortWord::of("zzzzzzzzzzzzzzz").is_some() && ShortWord::of("zzzzzzzzzzzzzzzz").is_none());
        let text = "abcdefghijklmno";
        for len in 0..=SHORT {
            let mut padded = [0u8; 16];
            padded[..len].copy_from_slice(&text.as_bytes()[..len]);
            padded[SHORT] = len as u8;
            let (low, high) = padded.split_at(8);
            let expected = [u64::from_le_bytes(low.try_into().unwrap()), u64::from_le_bytes(high.try_into().unwrap())];
            assert_eq!(ShortWord::of(&text[..len]), Some(ShortWord(expected)), "{len}");
        }
    }

    #[test]
    fn the_table_finds_what_it_was_given_across_growth() {
        let mut table = ShortWords::default();
        let words: Vec<String> = (0..5000).map(|n| format!("w{n}")).collect();
        assert_eq!(table.get(ShortWord::of("w0").unwrap()), None);
        for (n, word) in words.iter().enumerate() {
            let key = ShortWord::of(word).unwrap();
            table.prefetch(key);
            table.insert(key, (n % 3 != 0).then_some(n as u32));
        }
        assert_eq!(table.len(), words.len());
        for (n, word) in words.iter().enumerate() {
            assert_eq!(table.get(ShortWord::of(word).unwrap()), Some((n % 3 != 0).then_some(n as u32)));
        }
        assert_eq!(table.get(ShortWord::of("").unwrap()), None);
        assert_eq!(table.get(ShortWord::of("w5000").unwrap()), None);
    }
}
