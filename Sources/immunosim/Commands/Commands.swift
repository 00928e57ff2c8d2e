/// Every subcommand, in the order `immunosim --help` lists them.
let allCommands: [Command] = [
    infoCommand,
    simulateCommand,
    respondCommand,
    sweepCommand,
    attractorsCommand,
    fixedPointsCommand,
    trapSpacesCommand,
    controlCommand,
    explainCommand,
    checkCommand,
    screenCommand,
    mergeCommand,
    convertCommand,
]
