/// Every subcommand, in the order `immunosim --help` lists them.
let allCommands: [Command] = [
    infoCommand,
    convertCommand,
]
