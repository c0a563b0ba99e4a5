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


def test_images_only_from_our_own_renditions():
    """A body image from a third-party host or an unprocessed original loses its source."""
    assert sanitize_html('<img src="https://tracker.example/p.gif" alt="x">') == '<img alt="x">'
    assert sanitize_html('<img src="//tracker.example/p.gif">') == "<img>"
    assert sanitize_html('<img src="/media/photos/2026/11/original.jpg">') == "<img>"
    assert sanitize_html('<img src="/media/renditions/../photos/a.jpg">') == "<img>"
    assert sanitize_html('<img src="/media/renditions/&#46;&#46;/&#46;&#46;/admin/">') == "<img>"
    assert sanitize_html('<img src="/media/renditions/%2e%2e/admin/">') == "<img>"
    folder = "/media/renditions/ab/0123456789abcdef0123"
    kept = f'<figure><img src="{folder}/640x427.webp" alt="A" width="640"></figure>'
    assert sanitize_html(kept) == kept


def test_unclosed_markup_is_closed():
    """Broken markup cannot swallow the rest of the page."""
    assert sanitize_html("<p><strong>bold") == "<p><strong>bold</strong></p>"


def test_empty_and_none_give_empty_string():
    assert sanitize_html("") == ""
    assert sanitize_html(None) == ""


def test_text_of_a_body_has_no_entities():
    from newsroom.html import html_to_text

    assert html_to_text("<p>AT&amp;T &lt;3&nbsp;you</p><p>Next</p>") == "AT&T <3\xa0you\nNext"
