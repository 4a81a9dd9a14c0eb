"""Feeds and article pages of our own writing, in the style of Indonesian news sites.

Used by the feed, WARC and watch tests; every sentence here was written for sepakat.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

ARTICLES: dict[str, tuple[str, str]] = {
    "mou-perikanan": (
        "Indonesia dan Peru Teken MoU Kerja Sama Perikanan",
        "Pemerintah Indonesia dan Peru menandatangani nota kesepahaman kerja sama perikanan di Lima, "
        "Kamis (12/6/2025). Penandatanganan dilakukan oleh Menteri Kelautan dan Perikanan dan Menteri "
        "Produksi Peru.\n\nKerja sama itu mencakup pelatihan nelayan, riset stok ikan dan pertukaran "
        "data kapal. Kedua negara sepakat meninjau pelaksanaannya setiap tahun.",
    ),
    "jepang-energi": (
        "Indonesia dan Jepang Sepakati Kerja Sama Transisi Energi",
        "Indonesia dan Jepang menyepakati kerja sama transisi energi dalam pertemuan bilateral di Tokyo, "
        "Selasa (10/6/2025). Kedua menteri membahas pembiayaan pembangkit listrik tenaga surya.\n\n"
        "Menteri Energi dan Sumber Daya Mineral mengatakan nota kesepahaman akan ditandatangani bulan "
        "depan setelah perundingan teknis selesai.",
    ),
    "uea-pangan": (
        "RI-UEA Perkuat Ketahanan Pangan Lewat Perjanjian Baru",
        "Indonesia dan Uni Emirat Arab menandatangani perjanjian kerja sama ketahanan pangan di Abu Dhabi, "
        "Rabu (11/6/2025). Perjanjian itu mengatur investasi di sektor pertanian dan perikanan.\n\n"
        "Duta Besar Indonesia untuk UEA menyebut kerja sama ini sebagai tindak lanjut kunjungan "
        "presiden tahun lalu.",
    ),
    "korea-galangan": (
        "Korea Selatan dan Indonesia Jajaki Kerja Sama Galangan Kapal",
        "Pemerintah Korea Selatan dan Indonesia menjajaki kerja sama industri galangan kapal dalam "
        "pertemuan di Seoul, Senin (9/6/2025). Kedua pihak membahas alih teknologi dan pelatihan tenaga "
        "kerja.\n\nKementerian Perindustrian menargetkan nota kesepahaman dapat diteken akhir tahun.",
    ),
}

WHEN = datetime(2025, 6, 12, 8, 0, tzinfo=UTC)


def article_page(slug: str, *, charset: str = "utf-8") -> bytes:
    title, body = ARTICLES[slug]
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    page = (
        f"<!doctype html><html lang='id'><head><meta charset='{charset}'>"
        f"<title>{escape(title)} | Warta Contoh</title>"
        "<meta property='article:published_time' content='2025-06-12T08:00:00+07:00'></head>"
        f"<body><nav><a href='/'>Beranda</a></nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<footer>Hak cipta Warta Contoh</footer></body></html>"
    )
    return page.encode(charset)


def rss(base: str, slugs: list[str], *, title: str = "Warta Contoh - Internasional") -> bytes:
    items = "".join(
        f"<item><title>{escape(ARTICLES[s][0])}</title><link>{base}/berita/{s}</link>"
        f"<guid isPermaLink='false'>warta-{s}</guid><pubDate>{format_datetime(WHEN)}</pubDate>"
        f"<description>{escape(ARTICLES[s][1][:80])}</description></item>"
        for s in slugs
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
        f"<link>{base}/</link><description>Berita internasional</description>{items}</channel></rss>"
    ).encode()


def atom(base: str, slugs: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(ARTICLES[s][0])}</title><link href='/kabar/{s}'/>"
        f"<id>urn:kabar:{s}</id><updated>2025-06-12T08:00:00Z</updated>"
        f"<summary>{escape(ARTICLES[s][1][:80])}</summary></entry>"
        for s in slugs
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Kabar Contoh</title><id>urn:kabar</id><updated>2025-06-12T08:00:00Z</updated>"
        f"<link href='{base}/'/>{entries}</feed>"
    ).encode()


# Cut off before its first item: a feed server that crashed mid-answer.
BROKEN_FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Rusak</title><ite"
