// What the server store refuses, with a stable code for the API and the command line.

public enum StoreError: Error, Equatable, CustomStringConvertible {
    case usernameTaken(String)
    case noSuchUser(String)
    case invalidUsername(String)
    case weakPassword
    case outOfMemory

    public var description: String {
        switch self {
        case .usernameTaken(let name): "the username '\(name)' is taken"
        case .noSuchUser(let name): "there is no user '\(name)'"
        case .invalidUsername(let name): "'\(name)' is not a valid username (letters, digits, . _ -, at most 64)"
        case .weakPassword: "the password must be at least 8 characters"
        case .outOfMemory: "not enough memory to hash the password"
        }
    }
}
