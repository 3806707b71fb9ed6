import pytest

from lib.sanitize import sanitize_html

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">클릭</a>',
    '<a href="JaVaScRiPt:alert(1)">클릭</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">데이터</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">문단</p>',
    '<iframe src="https://evil.example/embed"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    "<style>body{display:none}</style>",
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name=a></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!--<img src=x onerror=alert(1)>-->",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_html_loses_every_way_to_run_code(payload):
    cleaned = sanitize_html(payload).lower()
    for marker in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:",
        "<style",
        "<object",
        "<embed",
        "<form",
        "<svg",
        "evil.example",
        "style=",
    ):
        assert marker not in cleaned


def test_newsroom_formatting_survives():
    html = (
        "<h2>소제목</h2><p><strong>굵게</strong> <em>기울임</em> ▲항목</p>"
        "<ul><li>하나</li></ul><ol><li>둘</li></ol><blockquote><p>인용</p></blockquote>"
        "<table><tbody><tr><th>구분</th><td>값</td></tr></tbody></table>"
        '<figure class="image"><img src="/media/editor/a.jpg" alt="사진"><figcaption>설명</figcaption></figure>'
    )
    cleaned = sanitize_html(html)
    for piece in (
        "<h2>소제목</h2>",
        "<strong>굵게</strong>",
        "<em>기울임</em>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<table>",
        "<th>구분</th>",
        '<figure class="image">',
        "<figcaption>설명</figcaption>",
        'alt="사진"',
    ):
        assert piece in cleaned


def test_links_keep_safe_schemes_and_get_noopener():
    cleaned = sanitize_html('<a href="https://paju.go.kr">시청</a> <a href="mailto:a@b.kr">메일</a>')
    assert 'href="https://paju.go.kr"' in cleaned
    assert 'href="mailto:a@b.kr"' in cleaned
    assert cleaned.count('rel="noopener"') == 2


def test_body_images_are_lazy_loaded():
    assert 'loading="lazy"' in sanitize_html('<img src="/media/a.jpg" alt="a">')


def test_youtube_embeds_switch_to_the_privacy_enhanced_host():
    cleaned = sanitize_html(
        '<figure class="media"><iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe></figure>'
    )
    assert 'src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in cleaned


def test_iframes_from_other_hosts_are_removed_entirely():
    assert "<iframe" not in sanitize_html('<p>앞</p><iframe src="https://evil.example/x"></iframe><p>뒤</p>')


def test_body_images_keep_a_srcset_of_web_addresses_only():
    good = sanitize_html(
        '<img src="/media/editor/a-1440.jpg" srcset="/media/editor/a-720.jpg 720w, /media/editor/a-1440.jpg 1440w" sizes="100vw" alt="사진">'
    )
    assert 'srcset="/media/editor/a-720.jpg 720w, /media/editor/a-1440.jpg 1440w"' in good and 'sizes="100vw"' in good
    for hostile in (
        "javascript:alert(1) 1x",
        "data:image/svg+xml;base64,PHN2Zz4= 2x",
        "/a.jpg 1x, //evil.example/b.jpg 2x",
    ):
        assert "srcset" not in sanitize_html(f'<img src="/a.jpg" srcset="{hostile}" alt="">')
