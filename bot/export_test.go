package bot

// ChoiceNumber exposes choiceNumber to the black-box tests.
var ChoiceNumber = choiceNumber
