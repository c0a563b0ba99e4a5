import pytest

from newsroom.html import sanitize_html


def test_keeps_paragraphs_and_drops_script_with_its_content():
    """A pasted script disappears entirely; the paragraph around it survives."""
    assert sanitize_html("<p>ok</p><script>alert(1)</script>") == "<p>ok</p>"


def test_strips_event_handlers():
    """Event handler attributes never survive."""
    assert sanitize_html('<p onclick="steal()" onmouseover="x()">Hi</p>') == "<p>Hi</p>"


def test_removes_javascript_and_data_urls_from_links():
    """Links keep their text but lose an href with a dangerous scheme."""
    assert sanitize_html('<a href="javascript:alert(1)">a</a>') == "<a>a</a>"
    assert sanitize_html('<a href="data:text/html,x">b</a>') == "<a>b</a>"
    assert sanitize_html('<a href=" JaVaScRiPt:alert(1)">c</a>') == "<a>c</a>"


def test_external_links_get_noopener():
    """Links that leave the site cannot reach back into it through window.opener."""
    assert sanitize_html('<a href="https://example.org/x" target="_blank">x</a>') == (
        '<a href="https://example.org/x" rel="noopener noreferrer">x</a>'
    )


def test_protocol_relative_links_count_as_external():
    assert sanitize_html('<a href="//example.org/x">x</a>') == (
        '<a href="//example.org/x" rel="noopener noreferrer">x</a>'
    )


def test_internal_and_mailto_links_are_kept_as_written():
    """Relative and mailto links are allowed and not marked external."""
    assert sanitize_html('<a href="/news/">n</a>') == '<a href="/news/">n</a>'
    assert sanitize_html('<a href="mailto:desk@example.org">m</a>') == (
        '<a href="mailto:desk@example.org">m</a>'
    )


def test_keeps_the_newsroom_formatting_allow_list():
    """Headings h2-h4, emphasis, lists and quotes survive unchanged."""
    html = (
        "<h2>A</h2><h3>B</h3><h4>C</h4><p><strong>s</strong> <em>e</em></p>"
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>q</p></blockquote>"
    )
    assert sanitize_html(html) == html


def test_h1_style_and_iframe_are_removed():
    """Only one h1 per page (the headline); inline styles and embeds are not body content."""
    assert sanitize_html('<h1>Big</h1><p style="color:red">t</p><iframe src="//x"></iframe>') == (
        "Big<p>t</p>"
    )


def test_no_image_by_address():
    """Body photos are references to the library (articles.body), never a file address typed
    by hand: an <img> of any source, ours or a tracker's, is not kept."""
    assert sanitize_html('<img src="https://tracker.example/p.gif" alt="x">') == ""
    assert (
        sanitize_html('<p>a<img src="/media/renditions/ab/0123/640x427.webp">b</p>') == "<p>ab</p>"
    )


BLOCKS = [
    '<figure data-photo="7" data-caption="Dawn in Gaza" data-credit="Reuters" data-alt="Boats"></figure>',
    '<figure data-photo="7"></figure>',
    '<figure class="pull-quote"><blockquote><p>We were told nothing.</p></blockquote>'
    "<figcaption>A teacher in Rafah</figcaption></figure>",
    '<aside class="fact-box"><h2>Key facts</h2><ul><li>One</li><li>Two</li></ul></aside>',
    "<hr>",
    '<aside data-story="12">Earlier: the court ruling</aside>',
    '<aside data-embed="https://video.example/watch?v=1&amp;t=2">The speech</aside>',
    "<table><tbody><tr><th><p>Year</p></th><th><p>Cases</p></th></tr>"
    '<tr><td colspan="2"><p>2026</p></td></tr></tbody></table>',
]


@pytest.mark.parametrize("block", BLOCKS)
def test_each_block_is_kept_as_the_editor_writes_it(block):
    """The editor's blocks pass unchanged, and again on a second save (a round trip)."""
    assert sanitize_html(block) == block
    assert sanitize_html(sanitize_html(block)) == block


@pytest.mark.parametrize(
    "hostile, kept",
    [
        # A photo is an id: anything else in its place is dropped.
        ('<figure data-photo="7 onerror=alert(1)"></figure>', "<figure></figure>"),
        ('<figure data-photo="../../admin"></figure>', "<figure></figure>"),
        ('<figure data-photo="0"></figure>', "<figure></figure>"),
        # Texts are attribute values: escaped, never markup.
        (
            '<figure data-photo="7" data-caption="&quot;><script>alert(1)</script>"></figure>',
            '<figure data-photo="7" data-caption="&quot;>&lt;script>alert(1)&lt;/script>"></figure>',
        ),
        (
            '<figure data-photo="7" onclick="x()" style="a"></figure>',
            '<figure data-photo="7"></figure>',
        ),
        # Embeds: an outside http(s) address, or nothing.
        ('<aside data-embed="javascript:alert(1)">t</aside>', "<aside>t</aside>"),
        ('<aside data-embed="/admin/">t</aside>', "<aside>t</aside>"),
        ('<aside data-embed=" https://x.example/">t</aside>', "<aside>t</aside>"),
        ('<aside data-embed="data:text/html,x">t</aside>', "<aside>t</aside>"),
        # Only our own block classes, and never an iframe.
        ('<aside class="fact-box evil">t</aside>', "<aside>t</aside>"),
        (
            '<figure class="x"><iframe src="https://x.example"></iframe></figure>',
            "<figure></figure>",
        ),
        (
            '<aside data-story="12" data-embed="https://x.example/">t</aside>',
            '<aside data-story="12" data-embed="https://x.example/">t</aside>',
        ),
        ('<td colspan="999">x</td>', "x"),
    ],
)
def test_hostile_blocks_are_cleaned(hostile, kept):
    assert sanitize_html(hostile) == kept


def test_unclosed_markup_is_closed():
    """Broken markup cannot swallow the rest of the page."""
    assert sanitize_html("<p><strong>bold") == "<p><strong>bold</strong></p>"


def test_empty_and_none_give_empty_string():
    assert sanitize_html("") == ""
    assert sanitize_html(None) == ""


def test_text_of_a_body_has_no_entities():
    from newsroom.html import html_to_text

    assert html_to_text("<p>AT&amp;T &lt;3&nbsp;you</p><p>Next</p>") == "AT&T <3\xa0you\nNext"
