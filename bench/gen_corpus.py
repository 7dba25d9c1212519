#!/usr/bin/env python3
"""Benchmark corpus for guong: a valid site of N models, and a Hugo site of the same pages.

    bench/gen_corpus.py --models 10000 --out bench/out/site-guong
    bench/gen_corpus.py --models 10000 --out bench/out/site-hugo --flavor hugo

guong flavor: a site root (site.yml, content/danh-muc.yml, content/to-chuc.yml, models under
content/mo-hinh/<base unit>/, reports under content/bao-cao/<base unit>/, two free pages)
that `guong check` passes with no error and no warning. It uses what real sites use: base
units of both kinds (đảng bộ cơ sở with a đảng bộ bộ phận and chi bộ trực thuộc, chi bộ cơ
sở alone), the three approaches (new, consolidated with a revision of all five criteria,
replicated from an earlier model), the four statuses (completed models with an end date,
retired ones with a replacement), yearly topics, recognitions, and every report due by
`as_of` for every base unit, listing the models active in its period.

hugo flavor: the same model pages (title, date, unit, group, the same Markdown body), with a
flat front matter and minimal layouts (home, list, page, a tag taxonomy), to compare build
times on the same pages.

Deterministic: the same arguments give the same bytes. Model i depends only on (seed, i), so
a smaller corpus is a prefix of a larger one. Standard library only.
"""
import argparse
import datetime as dt
import os
import random
import shutil

MODELS_PER_BASE_UNIT = 100
AS_OF = dt.date(2024, 12, 31)
GRACE_DAYS = 15
LATEST_START = dt.date(2024, 6, 28)  # so that every model is in a report due by AS_OF
PERIOD_END = dt.date(2025, 12, 31)

VOCABULARY = """
cán bộ đảng viên chi bộ đảng bộ Nhân dân người dân khách hàng người bệnh học sinh doanh nghiệp
học tập làm theo tư tưởng đạo đức phong cách Bác Hồ tấm gương điển hình mô hình cách làm hay
trách nhiệm nêu gương tiên phong gương mẫu đoàn kết kỷ cương kỷ luật liêm chính cần kiệm chí công
vô tư tận tụy niềm nở thân thiện minh bạch công khai đúng hẹn lắng nghe gần dân trọng dân hiểu dân
cải cách hành chính chuyển đổi số một cửa hồ sơ thủ tục tiết kiệm điện nước vật tư văn phòng
sinh hoạt chuyên đề nghị quyết chỉ thị kế hoạch chương trình phong trào thi đua khen thưởng biểu
dương sơ kết tổng kết kiểm tra giám sát đánh giá kết quả chỉ số mục tiêu tiến độ nhân rộng lan tỏa
cộng đồng an sinh nhân ái từ thiện dân vận khéo văn hóa công sở đổi mới sáng tạo sản xuất kinh
doanh chất lượng phục vụ hài lòng bền vững thiết thực cụ thể thường xuyên
""".split()
GLUE = "và của trong với để cho những các đã đang sẽ được là có từ theo về rất".split()
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Thạch", "Sơn", "Kim", "Lâm", "Dương"]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh", "Quốc", "Thu", "Kim", "Hoàng"]
GIVEN_NAMES = ["An", "Bình", "Chi", "Dũng", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Sa Rinh", "Thảo"]
POSITIONS = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Điều dưỡng trưởng", "Giáo viên", "Kế toán"]
SECTORS = ["quan_ly_nha_nuoc", "thue_tai_chinh", "ngan_hang", "y_te", "giao_duc", "doanh_nghiep", "co_quan_dang"]
MASS_ORGS = ["doan_thanh_nien", "cong_doan", "hoi_cuu_chien_binh", "hoi_phu_nu"]

GROUPS = [
    ("cai-cach-hanh-chinh", "Cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân, khách hàng"),
    ("trach-nhiem-nguoi-dung-dau", "Nâng cao tinh thần trách nhiệm, đạo đức công vụ, vai trò nêu gương của người đứng đầu"),
    ("tiet-kiem-doan-ket", "Thực hành tiết kiệm, chống lãng phí; đoàn kết, tương trợ"),
    ("xay-dung-dang", "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh"),
    ("tuyen-truyen-van-dong", "Tuyên truyền, vận động, dân vận khéo, chăm lo an sinh xã hội"),
    ("san-xuat-kinh-doanh", "Đổi mới, sáng tạo trong chuyên môn, sản xuất, kinh doanh"),
]
# (id, kind, year, title); yearly topics carry their year.
TOPICS = [
    ("toan-khoa-xiii", "toan_khoa", None, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước"),
    ("tp-sua-doi-loi-lam-viec", "tac_pham", None, "Sửa đổi lối làm việc"),
    ("tp-can-kiem-liem-chinh", "tac_pham", None, "Cần, kiệm, liêm, chính"),
    ("tp-dan-van", "tac_pham", None, "Dân vận"),
    ("tp-dao-duc-cach-mang", "tac_pham", None, "Đạo đức cách mạng"),
    ("tp-di-chuc", "tac_pham", None, "Di chúc của Chủ tịch Hồ Chí Minh"),
    ("cd-2022", "nam", 2022, "Chuyên đề năm 2022 về xây dựng văn hóa công sở"),
    ("cd-2023", "nam", 2023, "Chuyên đề năm 2023 về tinh thần đoàn kết, tự lực, tự cường"),
    ("cd-2024", "nam", 2024, "Chuyên đề năm 2024 về trách nhiệm nêu gương của cán bộ, đảng viên"),
]
REASONS = ["nhiem_vu_chinh_tri", "cham_lo_nhan_dan", "tu_duong_ren_luyen", "doi_moi_cong_vu"]
MEASURES = ["quan_triet_tuyen_truyen", "chi_dao_tao_dieu_kien", "theo_doi_kiem_tra", "so_ket_rut_kinh_nghiem",
            "chi_dao_nhan_rong"]
SECTIONS = ["1. Nội dung học tập Bác", "2. Sự cần thiết", "3. Biện pháp thực hiện", "4. Hiệu quả",
            "5. Tính khả thi nhân rộng"]
UNITS_OF_MEASURE = ["%", "hồ sơ", "lượt/năm", "người", "triệu đồng", "ngày"]
RECOGNITION_LEVELS = ["co_so", "dang_uy_khoi", "tinh"]


def quoted(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    """Random Vietnamese-looking prose from one seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def words(self, low, high):
        count = self.rng.randint(low, high)
        return [self.rng.choice(GLUE) if self.rng.random() < 0.2 else self.rng.choice(VOCABULARY)
                for _ in range(count)]

    def phrase(self, low, high):
        text = " ".join(self.words(low, high))
        return text[0].upper() + text[1:]

    def sentence(self, low=8, high=20):
        return self.phrase(low, high) + "."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))

    def person(self):
        return f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE_NAMES)} {self.rng.choice(GIVEN_NAMES)}"

    def date_between(self, first, last):
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))


class Unit:
    def __init__(self, uid, kind, name, parent=None, sector=None):
        self.id, self.kind, self.name, self.parent, self.sector = uid, kind, name, parent, sector


def organisation(model_count):
    """The root, then per block of models one base unit: every fifth a chi bộ cơ sở alone,
    the others a đảng bộ cơ sở with one đảng bộ bộ phận and three chi bộ trực thuộc (one of
    them under the đảng bộ bộ phận). Returns (units, {base unit id: its units, base first})."""
    units = [Unit("dbk", "dang_bo_khoi", "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh")]
    blocks = {}
    for b in range(max(1, -(-model_count // MODELS_PER_BASE_UNIT))):
        number, sector = b + 1, SECTORS[b % len(SECTORS)]
        if b % 5 == 4:
            base = Unit(f"cbcs-{number:04d}", "chi_bo_co_so", f"Chi bộ cơ sở đơn vị số {number}", "dbk", sector)
            blocks[base.id] = [base]
        else:
            base = Unit(f"dbcs-{number:04d}", "dang_bo_co_so", f"Đảng bộ đơn vị số {number}", "dbk", sector)
            part = Unit(f"dbbp-{number:04d}", "dang_bo_bo_phan", f"Đảng bộ bộ phận khối nghiệp vụ {number}", base.id)
            cells = [Unit(f"cb-{number:04d}-{c}", "chi_bo_truc_thuoc", f"Chi bộ {c} thuộc đơn vị số {number}",
                          part.id if c == 3 else base.id) for c in (1, 2, 3)]
            blocks[base.id] = [base, part] + cells
        units.extend(blocks[base.id])
    return units, blocks


class Model:
    """One generated model: what reports need to know, and its file text."""

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def active(self, first, last):
        return self.start <= last and self.effective_end >= first


def make_model(i, seed, blocks, earlier):
    """Model i. The first models of each block (one per unit of the block, twice) start in
    2021 and run to the end of the period, so every unit has a model in every year;
    later ones vary approach and status."""
    w = Writer(seed * 1_000_003 + i)
    rng = w.rng
    block = list(blocks.values())[i // MODELS_PER_BASE_UNIT]
    k = i % MODELS_PER_BASE_UNIT
    unit = block[k % len(block)]
    anchor = k < 2 * len(block)
    start = w.date_between(dt.date(2021, 1, 4), dt.date(2021, 12, 20)) if anchor else \
        w.date_between(dt.date(2021, 1, 4), LATEST_START)
    approach, status, end, retirement = "xay_moi", "dang_thuc_hien", None, None
    same_block = [m for m in earlier if m.base == block[0].id and m.status != "loai_bo"]
    if not anchor:
        roll = rng.random()
        if roll < 0.12:
            approach = "cung_co"
        elif roll < 0.2 and same_block:
            approach = "nhan_rong"
        roll = rng.random()
        if roll < 0.08 and start < dt.date(2024, 1, 1):
            # ends after 2021, so that some report (from 2022 on) shows its results
            first_end = max(start + dt.timedelta(days=200), dt.date(2022, 3, 1))
            status, end = "hoan_thanh", w.date_between(first_end, AS_OF)
        elif roll < 0.12 and start < dt.date(2024, 1, 1) and same_block:
            status = "loai_bo"
            retirement = (w.date_between(start + dt.timedelta(days=200), AS_OF), rng.choice(same_block).id)
    effective_end = end or (retirement[0] if retirement else PERIOD_END)
    mid = f"mh-{i:06d}"
    title = w.phrase(6, 14)
    indicators = []
    for n in range(rng.randint(1, 3)):
        baseline = rng.randint(0, 80)
        indicators.append((f"chi-so-{n + 1}", w.phrase(3, 8), rng.choice(UNITS_OF_MEASURE), baseline,
                           baseline + rng.randint(5, 40)))

    fm = ["---", "type: mo_hinh", f"id: {mid}", f"title: {quoted(title)}", f"org: {unit.id}", "subject:"]
    if rng.random() < 0.2:
        fm += ["  type: ca_nhan", f"  name: {quoted(w.person())}",
               f"  position: {quoted(rng.choice(POSITIONS) + ', ' + unit.name)}", "  party_member: true"]
    else:
        fm += ["  type: tap_the", f"  name: {quoted('Tập thể ' + w.phrase(2, 5).lower())}",
               f"  members: {rng.randint(3, 40)}"]
        if rng.random() < 0.3:
            fm.append(f"  mass_org: {rng.choice(MASS_ORGS)}")
    topics = ["toan-khoa-xiii", rng.choice(TOPICS[1:6])[0]]
    yearly = [t for t, kind, year, _ in TOPICS if kind == "nam" and start.year <= year <= effective_end.year]
    if yearly and rng.random() < 0.4:
        topics.append(rng.choice(yearly))
    group = rng.choice(GROUPS)[0]
    fm += [f"group: {group}", f"approach: {approach}", f"status: {status}",
           f"start: {start.isoformat()}"]
    if end:
        fm.append(f"end: {end.isoformat()}")
    fm += ["learning:", f"  topics: [{', '.join(topics)}]", f"  summary: {quoted(w.sentence(12, 30))}",
           f"  alignment: [{rng.choice(['nq_dai_hoi_xiii', 'nhiem_vu_chinh_tri', 'nq_dai_hoi_cac_cap'])}]",
           "necessity:"]
    if rng.random() < 0.15:
        fm += ["  reasons: [khac_phuc_han_che]",
               f"  identified_in: {quoted('Báo cáo kiểm điểm tập thể chi bộ năm ' + str(start.year - 1))}"]
    else:
        fm.append(f"  reasons: [{', '.join(sorted(set(rng.choice(REASONS) for _ in range(2))))}]")
    fm += ["measures:", f"  kinds: [{', '.join(MEASURES)}]",
           f"  responsible: {quoted('Đồng chí ' + w.person() + ', Bí thư chi bộ')}", "  milestones:"]
    last_milestone = min(effective_end, start + dt.timedelta(days=330))
    for day in sorted({start, w.date_between(start, last_milestone), last_milestone}):
        fm += [f"    - date: {day.isoformat()}", f"      task: {quoted(w.phrase(5, 12))}"]
    fm += ["effectiveness:", "  expected:"]
    for dimension in ("awareness", "attitude", "action"):
        fm.append(f"    {dimension}: {quoted(w.sentence(8, 16))}")
    fm.append("  indicators:")
    for code, name, measure, baseline, target in indicators:
        fm += [f"    - code: {code}", f"      name: {quoted(name)}", f"      unit: {quoted(measure)}",
               f"      baseline: {baseline}", f"      target: {target}"]
    fm += ["replication:", "  targets:", f"    - name: {quoted('Các ' + w.phrase(2, 5).lower())}",
           f"      similarity: {quoted(w.sentence(8, 16))}",
           f"  cost: {rng.choice(['khong', 'thap', 'trung_binh'])}",
           f"  requirements: {rng.choice(['pho_thong', 'chuyen_mon'])}", f"  spread: {quoted(w.sentence(8, 14))}"]
    if approach == "cung_co":
        fm += ["revision:", f"  since: {start.year - rng.randint(1, 4)}",
               f"  previous: {quoted('Mô hình ' + w.phrase(4, 8).lower())}", "  changes:"]
        for criterion in range(1, 6):
            fm += [f"    - criterion: {criterion}", f"      text: {quoted(w.sentence(6, 12))}"]
    if approach == "nhan_rong":
        fm.append(f"source_model: {rng.choice(same_block).id}")
    if retirement:
        fm += ["retirement:", f"  date: {retirement[0].isoformat()}",
               f"  reason: {quoted('Mô hình đã hoàn thành mục đích, ' + w.phrase(6, 10).lower())}",
               f"  replacement: {retirement[1]}"]
    if rng.random() < 0.1:
        fm += ["recognition:", f"  - date: {w.date_between(start, AS_OF).isoformat()}",
               f"    level: {rng.choice(RECOGNITION_LEVELS)}", "    form: Giấy khen",
               f"    decision: {quoted('Quyết định số ' + str(rng.randint(10, 999)) + '-QĐ/ĐU')}"]
    if rng.random() < 0.01:
        fm.append("featured: true")
    fm += ["---", ""]

    body = []
    for section in SECTIONS:
        body.append(f"## {section}\n")
        for _ in range(rng.randint(2, 3)):
            body.append(w.paragraph() + "\n")
        if rng.random() < 0.3:
            body.append("\n".join(f"- {w.phrase(4, 10)}" for _ in range(rng.randint(2, 4))) + "\n")
    if rng.random() < 0.3:
        rows = "\n".join(f"| {name} | {baseline} | {target} |" for _, name, _, baseline, target in indicators)
        body.append("| Chỉ số | Trước khi thực hiện | Mục tiêu |\n|---|---|---|\n" + rows + "\n")
    return Model(id=mid, title=title, unit=unit.id, base=block[0].id, start=start, end=end, status=status,
                 retirement=retirement[0] if retirement else None, effective_end=effective_end,
                 indicators=indicators, group=group, tags=sorted({rng.choice(VOCABULARY) for _ in range(3)}),
                 front="\n".join(fm), body="\n".join(body))


def report_periods():
    """(year, period code, first day, last day) of every period due by AS_OF."""
    for year in range(2022, AS_OF.year + 1):
        for period, first, last in (("sau_thang", dt.date(year, 1, 1), dt.date(year, 6, 30)),
                                    ("ca_nam", dt.date(year, 1, 1), dt.date(year, 12, 31))):
            if last + dt.timedelta(days=GRACE_DAYS) <= AS_OF:
                yield year, period, first, last


def report(base, year, period, first, last, models, seed):
    """The form 03 report of `base` for one period: every model of its subtree active then."""
    w = Writer(f"{seed}/{base}/{year}/{period}")
    rid = f"bc-{base}-{year}-{period.replace('_', '-')}"
    lines = ["---", "type: bao_cao", f"id: {rid}", f"org: {base}", f"year: {year}", f"period: {period}",
             f"report_date: {(last + dt.timedelta(days=w.rng.randint(1, GRACE_DAYS))).isoformat()}",
             f"number: {quoted(str(w.rng.randint(10, 99)) + '-BC/ĐU')}",
             "signer:", f"  name: {quoted(w.person())}", "  title: Bí thư", "models:"]
    for m in models:
        if not m.active(first, last):
            continue
        lines.append(f"  - model: {m.id}")
        if m.retirement and first <= m.retirement <= last:
            lines.append("    progress: loai_bo")
            continue
        done = m.end is not None and first <= m.end <= last
        lines += [f"    progress: {'hoan_thanh' if done else w.rng.choice(['dung_tien_do', 'dung_tien_do', 'cham_tien_do'])}",
                  "    assessment:", f"      awareness: {quoted(w.sentence(6, 12))}",
                  f"      attitude: {quoted(w.sentence(6, 12))}", f"      action: {quoted(w.sentence(6, 12))}",
                  "    values:"]
        for code, _, _, baseline, target in m.indicators:
            progress = (last - m.start).days / max(1, (PERIOD_END - m.start).days)
            lines += [f"      - indicator: {code}", f"        value: {baseline + round((target - baseline) * progress)}"]
    lines += ["difficulties: " + quoted(w.sentence(8, 16)), "proposals: " + quoted(w.sentence(8, 16)), "---", "",
              f"Báo cáo kết quả {'6 tháng đầu năm' if period == 'sau_thang' else 'năm'} {year}.", "",
              w.paragraph(), ""]
    return rid, "\n".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_guong(out, units, blocks, models, seed):
    write(f"{out}/site.yml", 'title: "Mô hình, điển hình học tập và làm theo Bác"\n'
          'base_url: "https://example.org/"\nlanguage: vi\n')
    catalog = [f"as_of: {AS_OF.isoformat()}", "coverage_from: 2022", f"report_grace_days: {GRACE_DAYS}", "nhom_mo_hinh:"]
    for gid, label in GROUPS:
        catalog += [f"  - id: {gid}", f"    label: {quoted(label)}"]
    catalog.append("chuyen_de:")
    for tid, kind, year, title in TOPICS:
        catalog += [f"  - id: {tid}", f"    kind: {kind}", f"    title: {quoted(title)}"]
        if year:
            catalog.append(f"    year: {year}")
    write(f"{out}/content/danh-muc.yml", "\n".join(catalog) + "\n")
    registry = ["units:"]
    for u in units:
        registry += [f"  - id: {u.id}", f"    kind: {u.kind}", f"    name: {quoted(u.name)}"]
        registry += [f"    parent: {u.parent}"] if u.parent else []
        registry += [f"    sector: {u.sector}"] if u.sector else []
    write(f"{out}/content/to-chuc.yml", "\n".join(registry) + "\n")
    for m in models:
        write(f"{out}/content/mo-hinh/{m.base}/{m.id}.md", m.front + m.body)
    for base in blocks:
        mine = [m for m in models if m.base == base]
        for year, period, first, last in report_periods():
            rid, text = report(base, year, period, first, last, mine, seed)
            write(f"{out}/content/bao-cao/{base}/{rid}.md", text)
    pages = Writer(seed)
    for slug, title, weight in (("gioi-thieu", "Giới thiệu", 1), ("huong-dan", "Hướng dẫn đăng ký mô hình", 2)):
        write(f"{out}/content/trang/{slug}.md", f"---\ntype: trang\ntitle: {quoted(title)}\nweight: {weight}\n---\n\n"
              + "\n\n".join(pages.paragraph() for _ in range(4)) + "\n")


HUGO_LAYOUTS = {
    "layouts/_default/baseof.html":
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body>{{ block "main" . }}{{ end }}</body></html>\n',
    "layouts/index.html":
        '{{ define "main" }}<h1>{{ .Site.Title }}</h1><a href="{{ "mo-hinh/" | relURL }}">Mô hình</a>{{ end }}\n',
    "layouts/_default/list.html":
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
        '{{ .Title }}</a> {{ .Params.unit }}</li>{{ end }}</ul>{{ end }}\n',
    "layouts/_default/single.html":
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "02/01/2006" }} · {{ .Params.unit }}'
        ' · {{ .Params.group }}</p>{{ .Content }}<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}'
        '{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>{{ end }}\n',
    "layouts/_default/terms.html":
        '{{ define "main" }}<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">'
        '{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n',
}


def write_hugo(out, models):
    write(f"{out}/hugo.toml", 'baseURL = "https://example.org/"\nlanguageCode = "vi"\ntitle = "Mô hình"\n'
          'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n[taxonomies]\ntag = "tags"\n')
    for path, text in HUGO_LAYOUTS.items():
        write(f"{out}/{path}", text)
    write(f"{out}/content/mo-hinh/_index.md", '---\ntitle: "Mô hình"\n---\n')
    for m in models:
        front = ["---", f"title: {quoted(m.title)}", f"date: {m.start.isoformat()}", f"unit: {m.unit}",
                 f"group: {m.group}", f"tags: [{', '.join(quoted(t) for t in m.tags)}]", "---", ""]
        write(f"{out}/content/mo-hinh/{m.id}.md", "\n".join(front) + m.body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, required=True, help="number of models")
    parser.add_argument("--out", required=True, help="folder to create (replaced if it exists)")
    parser.add_argument("--flavor", choices=["guong", "hugo"], default="guong")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.models < 1:
        parser.error("--models must be at least 1")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    units, blocks = organisation(args.models)
    models = []
    for i in range(args.models):
        models.append(make_model(i, args.seed, blocks, models[-MODELS_PER_BASE_UNIT:]))
    if args.flavor == "guong":
        write_guong(args.out, units, blocks, models, args.seed)
    else:
        write_hugo(args.out, models)
    print(f"{args.flavor}: {args.models} models, {len(units)} units -> {args.out}")


if __name__ == "__main__":
    main()
