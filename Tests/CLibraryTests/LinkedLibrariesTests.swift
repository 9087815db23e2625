// Every C library module imports, links and answers: a broken module map fails here first.
import CCmarkGFM
import CCurl
import CMicroHTTPD
import CNcursesw
import CSodium
import CSQLite
import CZlib
import Testing

struct LinkedLibrariesTests {
    @Test func sqliteHasFTS5() {
        #expect(String(cString: sqlite3_libversion()).hasPrefix("3."))
        #expect(sqlite3_compileoption_used("ENABLE_FTS5") == 1)
    }

    @Test func eachLibraryReportsItsVersion() {
        #expect(rrc_curl_load() == nil)
        #expect(String(cString: rrc_curl_version()).contains("libcurl"))
        #expect(!String(cString: MHD_get_version()).isEmpty)
        #expect(sodium_init() >= 0)
        #expect(!String(cString: sodium_version_string()).isEmpty)
        #expect(String(cString: cmark_version_string()).contains("gfm"))
        #expect(String(cString: zlibVersion()).hasPrefix("1."))
        #expect(String(cString: curses_version()).contains("ncurses"))
    }

    @Test func ncursesShimExposesMacros() {
        #expect(rrc_a_bold() != rrc_a_normal())
        #expect(rrc_key_f(1) > 0)
        #expect(wcwidth(0x41) == 1 || wcwidth(0x41) == -1)  // -1 until a UTF-8 locale is set
    }

    @Test func zlibShimRoundTripsGzip() {
        var stream = z_stream()
        #expect(rrc_deflate_init_gzip(&stream, 6) == Z_OK)
        deflateEnd(&stream)
        var inflater = z_stream()
        #expect(rrc_inflate_init_gzip(&inflater) == Z_OK)
        inflateEnd(&inflater)
    }
}
