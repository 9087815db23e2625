// rrcd: the central server. This first version reports its libraries; serving comes with the server issue.
import CMicroHTTPD
import CSodium
import CZlib
import Foundation
import Storage

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--version" || arguments.first == "version" {
    _ = sodium_init()
    print("rrcd 0.1.0 (libmicrohttpd \(String(cString: MHD_get_version())), libsodium \(String(cString: sodium_version_string())), zlib \(String(cString: zlibVersion())))")
    exit(0)
}
FileHandle.standardError.write(Data("""
    Usage: rrcd --version

    rrcd is the central server rrc syncs with. This build only reports its version;
    accounts, the HTTP API and the change log are not built yet.

    """.utf8))
exit(arguments.isEmpty || arguments.first == "--help" ? 0 : 2)
