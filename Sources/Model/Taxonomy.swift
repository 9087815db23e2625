// The resource centre's controlled vocabularies: resource types, topics, countries, roles.

public enum ResourceType: String, Codable, Sendable, CaseIterable {
    case researchReport = "research-report"
    case policyBrief = "policy-brief"
    case guideline
    case toolkit
    case manual
    case factSheet = "fact-sheet"
    case trainingMaterial = "training-material"
    case law
    case strategy
    case webinarNotes = "webinar-notes"
    case caseStudy = "case-study"

    /// Reads a type as people write it: any case, spaces or underscores for hyphens,
    /// and a few common synonyms.
    public init?(label: String) {
        let slug = Slug.make(label)
        switch slug {
        case "report", "research": self = .researchReport
        case "brief", "policy": self = .policyBrief
        case "guidelines", "guide": self = .guideline
        case "training", "training-materials", "curriculum": self = .trainingMaterial
        case "webinar", "webinar-note": self = .webinarNotes
        case "case", "case-studies": self = .caseStudy
        case "factsheet": self = .factSheet
        case "legislation": self = .law
        default:
            guard let type = ResourceType(rawValue: slug) else { return nil }
            self = type
        }
    }
}

public enum Topic {
    /// The DOMAIN.md topics as slugs. Packs may use others (kept, with a warning).
    public static let known: [String] = [
        "violence", "abuse", "neglect", "bullying",
        "trafficking", "exploitation",
        "children-on-the-move", "migration", "unaccompanied", "returned-children",
        "left-behind",
        "alternative-care", "deinstitutionalisation",
        "justice-for-children",
        "participation",
        "roma-inclusion", "minorities",
        "case-management", "supervision",
        "psychosocial-support", "mental-health",
        "online-safety",
        "emergencies",
    ]
}

public enum Country {
    /// The partner countries of the network (ISO 3166-1 alpha-2; XK for Kosovo).
    public static let known: [String] = ["AL", "BA", "BG", "HR", "XK", "MD", "ME", "RO", "RS", "HU", "UA"]
}

public enum Role: String, Codable, Sendable, CaseIterable {
    case member, expert, moderator, trainer, admin
}

/// Lowercase, hyphen-separated form of a label.
public enum Slug {
    public static func make(_ label: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in label.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
