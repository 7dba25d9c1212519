//! Numbers written the Vietnamese way: `.` between thousands, `,` before decimals.

/// Formats `value` for reading: `1.234,5`, `88,2`, `95`, `-3`. At most `decimals` places
/// are kept and trailing zeros dropped.
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let fixed = fixed_point(value.abs(), decimals);
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut out = String::with_capacity(fixed.len() + 4);
    let is_zero = whole.bytes().all(|b| b == b'0') && fraction.is_empty();
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// `value` (≥ 0) with `decimals` places, rounded half away from zero. Integer arithmetic
/// where it is exact: `format!("{:.2}")` falls back to a slow exact algorithm, and model
/// pages format thousands of numbers.
fn fixed_point(value: f64, decimals: usize) -> String {
    let scale = 10_u64.pow(decimals.min(9) as u32);
    let scaled = (value * scale as f64).round();
    if decimals > 9 || scaled >= 9.0e15 {
        return format!("{:.*}", decimals, value);
    }
    let scaled = scaled as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if decimals == 0 { whole.to_string() } else { format!("{whole}.{fraction:0decimals$}") }
}

/// Formats a count: `1.234`.
pub fn count(value: usize) -> String {
    number(value as f64, 0)
}

/// A title in double quotes, as Vietnamese documents quote a model's name: “…”; quotes inside
/// it become single ones (‘…’), so nested quotes never read “… “…””.
pub fn quoted(title: &str) -> String {
    let inner: String = title
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            other => other,
        })
        .collect();
    format!("“{inner}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_a_title_with_single_quotes_inside() {
        assert_eq!(quoted("Một cửa “không giấy, không chờ”"), "“Một cửa ‘không giấy, không chờ’”");
        assert_eq!(quoted("Bữa cơm nghĩa tình"), "“Bữa cơm nghĩa tình”");
    }

    #[test]
    fn writes_numbers_the_vietnamese_way() {
        assert_eq!(number(88.2, 2), "88,2");
        assert_eq!(number(95.0, 2), "95");
        assert_eq!(number(1234.5, 2), "1.234,5");
        assert_eq!(number(1234567.0, 0), "1.234.567");
        assert_eq!(number(-3.0, 2), "-3");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(number(0.126, 2), "0,13");
        assert_eq!(number(0.125, 2), "0,13");
        assert_eq!(number(2.25, 1), "2,3");
        assert_eq!(number(1e20, 2), "100.000.000.000.000.000.000");
        assert_eq!(number(0.5, 0), "1");
        assert_eq!(number(f64::NAN, 2), "");
        assert_eq!(count(12000), "12.000");
    }
}
