use super::*;
use sha2::{Digest, Sha256};

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_policy_hash_is_the_scripts() {
    let want = format!("sha256-{}", base64(&Sha256::digest(SCRIPT.as_bytes())));
    assert_eq!(SCRIPT_HASH, want, "the script changed: set SCRIPT_HASH to {want}");
    assert_eq!(base64(b"any carnal pleas"), "YW55IGNhcm5hbCBwbGVhcw==");
}

#[test]
fn escapes_markup_quotes_and_controls() {
    assert_eq!(esc("<script>\"a\" & 'b'</details>"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/details&gt;");
    assert_eq!(esc("a\u{0}b\nc"), "a\u{FFFD}b\nc");
    assert_eq!(json_attr(["a\"<", "b"]), "[&quot;a\\&quot;&lt;&quot;,&quot;b&quot;]");
}

#[test]
fn counts_are_written_in_groups_of_three_digits() {
    for (n, text) in [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (10_000, "10,000"), (12_497_500, "12,497,500")]
    {
        assert_eq!(grouped(n), text);
    }
}
