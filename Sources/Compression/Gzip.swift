// gzip for HTTP bodies, on zlib: responses the client accepts compressed, and request
// bodies clients send compressed. Inflation is bounded, so a small bomb cannot fill memory.
import CZlib
import Foundation

public enum Gzip {
    public struct TooLarge: Error {}
    public struct Corrupt: Error {}

    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        var stream = z_stream()
        guard rrc_deflate_init_gzip(&stream, level) == Z_OK else { return Data() }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))) + 32)
        let written: Int = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                _ = deflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
        output.count = written
        return output
    }

    /// Inflates a gzip (or zlib) body; throws `TooLarge` past `limit` bytes of output.
    public static func decompress(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        guard rrc_inflate_init_gzip(&stream) == Z_OK else { throw Corrupt() }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        try data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { throw TooLarge() }
                if status == Z_STREAM_END { return }
                if status != Z_OK || (produced == 0 && stream.avail_in == 0) { throw Corrupt() }
            }
        }
        return output
    }

    /// Whether an Accept-Encoding header allows gzip.
    public static func accepted(by header: String?) -> Bool {
        guard let header else { return false }
        return header.lowercased().split(separator: ",").contains { part in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first == "gzip" || fields.first == "*" else { return false }
            return !fields.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" }
        }
    }
}
