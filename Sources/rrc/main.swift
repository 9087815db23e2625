// rrc: the offline-first client. With no TUI yet, the command line is the whole program.
import Foundation

exit(RRCProgram.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
