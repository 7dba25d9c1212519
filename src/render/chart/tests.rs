use super::*;

fn bar(label: &str, value: f64, of: Option<f64>) -> Bar {
    Bar { label: label.into(), value, value_text: value.to_string(), of }
}

#[test]
fn bar_chart_scales_to_the_largest_bar_and_says_its_numbers() {
    let html = bar_chart("Mô hình theo cách thức", &[bar("Xây dựng mới", 4.0, None), bar("Nhân rộng", 1.0, None)]);
    assert!(html.starts_with(
        r#"<div class="chart chart-bars" role="img" aria-label="Mô hình theo cách thức: Xây dựng mới 4; Nhân rộng 1">"#
    ));
    assert!(html.contains(
        r#"<span class="chart-label">Xây dựng mới</span><span class="chart-track"><span class="chart-bar" style="width:80.00%"></span><span class="chart-value" style="left:80.00%">4</span>"#
    ));
    assert!(html.contains(
        r#"<span class="chart-bar" style="width:20.00%"></span><span class="chart-value" style="left:20.00%">1</span>"#
    ));
    assert!(html.ends_with("</div></div>"));
}

#[test]
fn part_of_a_whole_shows_the_rest_and_the_value_after_it() {
    let html = bar_chart("Độ phủ", &[bar("ĐB A", 3.0, Some(4.0)), bar("CB B", 0.0, Some(2.0))]);
    assert!(html.contains(
        r#"<span class="chart-rest" style="width:80.00%"></span><span class="chart-bar" style="width:60.00%"></span><span class="chart-value" style="left:80.00%">3</span>"#
    ));
    assert!(html.contains(
        r#"<span class="chart-rest" style="width:40.00%"></span><span class="chart-bar" style="width:0.00%"></span><span class="chart-value" style="left:40.00%">0</span>"#
    ));
    let empty = bar_chart("Trống", &[bar("A", 0.0, None)]);
    assert!(empty.contains(r#"style="width:0.00%""#));
}

#[test]
fn labels_are_escaped_and_long_ones_shortened() {
    let long = "Cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân, khách hàng";
    let html = bar_chart("<b>&", &[bar(long, 1.0, None)]);
    assert!(html.contains("aria-label=\"&lt;b&gt;&amp;: Cải cách"));
    assert!(html.contains(">Cải cách hành chính, nâng cao chất lượng…</span>"));
    assert!(!html.contains("<b>"));
}

fn column(name: &str, label: &str, sub: &str, value: f64, kind: ColumnKind) -> Column {
    Column {
        name: name.into(),
        label: label.into(),
        sublabel: sub.into(),
        value,
        value_text: value.to_string().replace('.', ","),
        kind,
    }
}

#[test]
fn indicator_chart_draws_baseline_values_and_target() {
    let html = indicator_chart(
        "Tỷ lệ hài lòng (%)",
        &[
            column("trước khi thực hiện", "Trước", "thực hiện", 70.0, ColumnKind::Baseline),
            column("6 tháng đầu năm 2023", "6 tháng", "2023", 86.5, ColumnKind::Reported),
        ],
        Some((100.0, "100")),
    );
    assert!(html.contains(
        r#"aria-label="Tỷ lệ hài lòng (%). trước khi thực hiện: 70; 6 tháng đầu năm 2023: 86,5; mục tiêu: 100""#
    ));
    // Heights relative to 110 (the highest value with headroom): 70 → 63.64 %, 86.5 → 78.64 %.
    assert!(html.contains(r#"<span class="chart-column chart-baseline" style="left:12.50%;width:25.00%;bottom:0.00%;height:63.64%"></span>"#));
    assert!(html.contains(
        r#"<span class="chart-column chart-bar" style="left:62.50%;width:25.00%;bottom:0.00%;height:78.64%"></span>"#
    ));
    assert!(html.contains(r#"<span class="chart-target" style="bottom:90.91%"></span>"#));
    assert!(html.contains(
        r#"<p class="chart-label" style="width:50.00%"><strong class="chart-value">86,5</strong><span>6 tháng</span><span>2023</span></p>"#
    ));
}

#[test]
fn no_text_of_an_indicator_chart_is_inside_its_plot() {
    // The target's label is a key above the plot, values and periods are below it: nothing
    // written can cover a column, whatever the values.
    let html = indicator_chart(
        "Chỉ số",
        &[
            column("trước", "Trước", "", 95.0, ColumnKind::Baseline),
            column("2023", "Cả năm", "2023", 99.0, ColumnKind::Reported),
        ],
        Some((96.0, "96")),
    );
    let plot =
        &html[html.find(r#"<div class="chart-plot">"#).unwrap()..html.find(r#"<div class="chart-columns">"#).unwrap()];
    assert!(!plot.contains("Mục tiêu") && !plot.contains("99") && !plot.contains("<p"), "{plot}");
    assert!(html.find("Mục tiêu 96").unwrap() < html.find("chart-plot").unwrap());
}

#[test]
fn negative_values_hang_below_the_zero_line() {
    let html = indicator_chart(
        "Chênh lệch",
        &[column("a", "A", "", -10.0, ColumnKind::Reported), column("b", "B", "", 10.0, ColumnKind::Reported)],
        None,
    );
    // low −10, span 22: zero at 45.45 %.
    assert!(html.contains(r#"<span class="chart-axis" style="bottom:45.45%"></span>"#));
    assert!(html.contains(r#"style="left:12.50%;width:25.00%;bottom:0.00%;height:45.45%""#));
    assert!(html.contains(r#"style="left:62.50%;width:25.00%;bottom:45.45%;height:45.45%""#));
}
