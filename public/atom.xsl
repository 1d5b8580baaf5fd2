<?xml version="1.0" encoding="UTF-8"?>
<!-- Makes /atom.xml a readable page when opened in a browser; readers ignore it. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:a="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/a:feed/a:title"/> · Atom feed</title>
        <link rel="stylesheet" href="/feed.css"/>
      </head>
      <body>
        <main>
          <p class="kicker"><span class="mark" aria-hidden="true"></span>Atom feed</p>
          <h1><xsl:value-of select="/a:feed/a:title"/></h1>
          <p class="description"><xsl:value-of select="/a:feed/a:subtitle"/></p>
          <section class="subscribe" aria-labelledby="how">
            <h2 id="how">This is a feed: subscribe to it in a feed reader</h2>
            <p>
              A feed reader checks this address and shows each new essay in full as soon as it is published,
              with no algorithm and no e-mail address required. Copy the address below and paste it into
              your reader (NetNewsWire, Feedly, Inoreader, Reeder, Thunderbird and many others).
            </p>
            <p class="address"><code><xsl:value-of select="/a:feed/a:link[@rel='self']/@href"/></code></p>
            <p class="alt">Also available as <a href="/rss.xml">RSS</a> and <a href="/feed.json">JSON Feed</a>.
              <a href="{/a:feed/a:link[@rel='alternate']/@href}">Visit the website</a>.</p>
          </section>
          <h2 class="section">Latest</h2>
          <xsl:if test="not(/a:feed/a:entry)"><p class="empty">Nothing published here yet.</p></xsl:if>
          <ol class="items">
            <xsl:for-each select="/a:feed/a:entry">
              <li>
                <h3><a href="{a:link[@rel='alternate']/@href}"><xsl:value-of select="a:title"/></a></h3>
                <p class="dek"><xsl:value-of select="a:summary"/></p>
                <p class="meta">
                  <xsl:value-of select="substring(a:published, 1, 10)"/>
                  <xsl:for-each select="a:author">
                    <xsl:choose>
                      <xsl:when test="position() = 1"> · </xsl:when>
                      <xsl:when test="position() = last()"> and </xsl:when>
                      <xsl:otherwise>, </xsl:otherwise>
                    </xsl:choose>
                    <xsl:value-of select="a:name"/>
                  </xsl:for-each>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
