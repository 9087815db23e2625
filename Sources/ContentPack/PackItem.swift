// One record read from a pack file, with where it came from.
import Model

public struct PackItem: Sendable {
    public enum Record: Sendable {
        case person(Person)
        case forum(Forum)
        case thread(ForumThread)
        case post(Post)
        case resource(Resource)
        case guide(Guide)
    }

    public let record: Record
    /// Pack-relative path of the file.
    public let file: String
    /// Line of each front-matter key, so later checks (an unknown thread) can point at it.
    public let keyLines: [String: Int]

    public var kind: ContentKind {
        switch record {
        case .person: .person
        case .forum: .forum
        case .thread: .thread
        case .post: .post
        case .resource: .resource
        case .guide: .guide
        }
    }

    public var id: String {
        switch record {
        case .person(let value): value.id
        case .forum(let value): value.id
        case .thread(let value): value.id
        case .post(let value): value.id
        case .resource(let value): value.id
        case .guide(let value): value.id
        }
    }

    /// The line to blame for `key`, or the top of the file.
    public func line(of key: String) -> Int { keyLines[key] ?? 1 }
}
