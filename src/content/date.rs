//! Calendar dates as the content writes them (`YYYY-MM-DD` or `DD/MM/YYYY`), printed the
//! Vietnamese way (dd/mm/yyyy).

use std::fmt;

use serde::Serialize;

/// A real calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// 01/01/1970, for output that needs some date when the content gives none.
    pub const EPOCH: Date = Date { year: 1970, month: 1, day: 1 };

    /// The date if `year-month-day` exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let real = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        real.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY` (one- or two-digit day and month allowed in the
    /// second form). `None` when the text is not a real calendar date.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let numbers = |parts: Vec<&str>| -> Option<Vec<u32>> {
            parts
                .iter()
                .map(|p| (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten())
                .collect()
        };
        if let [y, m, d] = text.split('-').collect::<Vec<_>>()[..] {
            if y.len() == 4 && m.len() == 2 && d.len() == 2 {
                let n = numbers(vec![y, m, d])?;
                return Date::new(n[0] as i32, n[1], n[2]);
            }
            return None;
        }
        if let [d, m, y] = text.split('/').collect::<Vec<_>>()[..]
            && y.len() == 4
            && (1..=2).contains(&m.len())
            && (1..=2).contains(&d.len())
        {
            let n = numbers(vec![d, m, y])?;
            return Date::new(n[2] as i32, n[1], n[0]);
        }
        None
    }

    /// Days since 0001-01-01, for date arithmetic.
    pub fn ordinal(self) -> i64 {
        let y = i64::from(self.year) - 1;
        let before_year = y * 365 + y / 4 - y / 100 + y / 400;
        let before_month: i64 = (1..self.month).map(|m| i64::from(days_in_month(self.year, m))).sum();
        before_year + before_month + i64::from(self.day) - 1
    }

    /// The date `ordinal` days after 0001-01-01.
    pub fn from_ordinal(ordinal: i64) -> Date {
        let mut year = (ordinal / 366) as i32 + 1;
        while (Date { year: year + 1, month: 1, day: 1 }).ordinal() <= ordinal {
            year += 1;
        }
        let mut rest = ordinal - Date { year, month: 1, day: 1 }.ordinal();
        let mut month = 1;
        while rest >= i64::from(days_in_month(year, month)) {
            rest -= i64::from(days_in_month(year, month));
            month += 1;
        }
        Date { year, month, day: rest as u32 + 1 }
    }

    /// This date plus `days` (may be negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_ordinal(self.ordinal() + days)
    }

    /// ISO form `YYYY-MM-DD`, for machine-readable output.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms_and_refuses_unreal_dates() {
        assert_eq!(Date::parse("2023-02-28"), Date::new(2023, 2, 28));
        assert_eq!(Date::parse("5/1/2022"), Date::new(2022, 1, 5));
        assert_eq!(Date::parse("29/02/2024").map(|d| d.to_string()).as_deref(), Some("29/02/2024"));
        for bad in ["31/02/2023", "2023-13-01", "2023-2-1", "29/02/2023", "hôm nay", "", "2023-02-3x"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ordinal_round_trips() {
        let d = Date::new(2024, 3, 1).unwrap();
        assert_eq!(d.add_days(-1), Date::new(2024, 2, 29).unwrap());
        assert_eq!(Date::new(2021, 1, 1).unwrap().add_days(183), Date::new(2021, 7, 3).unwrap());
        assert_eq!(Date::from_ordinal(d.ordinal()), d);
    }
}
