// The real transport with short timeouts, so a dead server fails a test's sync quickly.
import HTTPTransport

enum CurlTransportForTests {
    static func make() -> CurlTransport {
        var options = CurlTransport.Options()
        options.connectTimeout = 3
        options.totalTimeout = 15
        return CurlTransport(options: options)
    }
}
