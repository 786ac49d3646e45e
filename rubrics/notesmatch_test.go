package rubrics_test

import (
	"os"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

// A teacher's notes, with no rule written: every test below checks essays
// against the catalogue drafted from them.
const cubaNotes = `# The Cuban Missile Crisis, 1962

## Background
- January 1959: Fidel Castro took power in Cuba.
- 17 April 1961: the Bay of Pigs invasion by 1,400 exiles trained by the CIA failed.
- The USSR placed about 40 nuclear missiles on Cuba, within range of most American cities.

## The thirteen days
- 14 October 1962: a U-2 spy plane photographed missile sites on Cuba.
- 22 October 1962: Kennedy announced a naval blockade of Cuba, which he called a quarantine.
- 27 October 1962: a U-2 was shot down over Cuba and its pilot, Rudolf Anderson, was killed.
- 28 October 1962: Khrushchev agreed to remove the missiles, and Kennedy promised not to invade Cuba.

## Cause 1: Rivalry between the superpowers
- In 1961 the USA had placed Jupiter missiles in Turkey, close to the Soviet Union.
- July 1962: Khrushchev's plan, code-named Anadyr, began to ship 43,000 troops to Cuba.
`

// Lines of cubaNotes.
const (
	lineCastro    = 4
	lineBayOfPigs = 5
	lineU2Photos  = 9
	lineBlockade  = 10
	lineJupiter   = 15
	lineAnadyr    = 16
)

// drafted adds a topic drafted from notes to the shared library and
// returns the library with a rubric made from question (every item,
// without one).
func drafted(t *testing.T, id, title, notes, question string) (*rubrics.Library, *rubrics.Rubric) {
	t.Helper()
	topic, err := rubrics.DraftTopic(id, title, notes)
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	if err := lib.AddTopic(topic); err != nil {
		t.Fatal(err)
	}
	return lib, rubrics.FromNotes(topic, question, 20)
}

func cubaCheck(t *testing.T) func(text string) *rubrics.Report {
	t.Helper()
	lib, r := drafted(t, "cuba-1962", "The Cuban Missile Crisis", cubaNotes, "")
	return func(text string) *rubrics.Report {
		t.Helper()
		rep, err := lib.Check(r, text)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
}

// foundLines returns the notes lines of the evidence found.
func foundLines(rep *rubrics.Report) map[int]bool {
	out := map[int]bool{}
	for _, ev := range rep.Evidence {
		if ev.Found && ev.Source != nil {
			out[ev.Source.Line] = true
		}
	}
	return out
}

// Sentences that state a fact of the notes in their own words are
// credited with it; a keyword alone, a denial or a rejected claim is not.
func TestNotesMatcherFindsFacts(t *testing.T) {
	check := cubaCheck(t)
	tests := []struct {
		name, essay string
		want        []int // lines that must be found
		not         []int // lines that must not be found
	}{
		{"paraphrase of the photographs", "In October 1962 an American spy plane took photographs of the Soviet missile sites on Cuba.", []int{lineU2Photos}, []int{lineBlockade}},
		{"paraphrase of the blockade", "Kennedy responded with a naval blockade of the island, which he called a quarantine.", []int{lineBlockade}, []int{lineU2Photos}},
		{"a name in passing", "Kennedy was a popular president.", nil, []int{lineBlockade, lineU2Photos}},
		{"a long word of one fact only", "Kennedy spoke of a quarantine rather than a blockade.", []int{lineBlockade}, nil},
		{"a short word of one fact only", "The exiles were brave.", nil, []int{lineBayOfPigs}},
		{"a rejected claim", "Some historians wrongly claim that Castro took power in Cuba in January 1959.", nil, []int{lineCastro}},
		{"a denial", "It was not the Bay of Pigs invasion that failed.", nil, []int{lineBayOfPigs}},
		{"a denial in a clause of why", "Kennedy announced a naval blockade of Cuba explaining why it was not called a war.", []int{lineBlockade}, nil},
		{"a claim reported after the fact is stated", "In October 1962 a U-2 spy plane photographed the missile sites on Cuba, claiming to show that the USSR had lied.", []int{lineU2Photos}, nil},
		{"a fact stated in a clause of its own after a claim", "Khrushchev claimed that the missiles on Cuba were defensive, and on 14 October 1962 a U-2 spy plane photographed missile sites on Cuba.", []int{lineU2Photos}, nil},
		{"a denial after the fact is stated", "In January 1959 Castro took power in Cuba, though he would never hold power alone.", []int{lineCastro}, nil},
		{"a coined name of one fact", "The Soviets shipped their missiles to Cuba as part of Anadyr.", []int{lineAnadyr}, nil},
		{"two facts in one sentence", "In 1961 the USA placed Jupiter missiles in Turkey, and in October 1962 a U-2 spy plane photographed missile sites on Cuba.", []int{lineJupiter, lineU2Photos}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := foundLines(check(tt.essay))
			for _, l := range tt.want {
				if !got[l] {
					t.Errorf("line %d not found in %q", l, tt.essay)
				}
			}
			for _, l := range tt.not {
				if got[l] {
					t.Errorf("line %d found in %q", l, tt.essay)
				}
			}
		})
	}
}

// A date or figure in a sentence about a fact of the notes that does not
// fit it is flagged with the notes' value; one that fits another fact the
// sentence names, or a sentence not clearly about the fact, raises nothing.
func TestNotesMatcherChecksFacts(t *testing.T) {
	check := cubaCheck(t)
	tests := []struct {
		name, essay string
		kind, text  string // the problem wanted, or "" for none
		expected    string
	}{
		{"a wrong year", "On 14 October 1961 a U-2 spy plane photographed the missile sites on Cuba.", rubrics.ProblemDate, "14 October 1961", "14 October 1962"},
		{"a wrong figure", "The Bay of Pigs invasion by 14,000 exiles trained by the CIA failed in April 1961.", rubrics.ProblemFigure, "14,000", "1,400"},
		{"a slip of the year of a coined name's fact", "Khrushchev began Anadyr in July 1961.", rubrics.ProblemDate, "July 1961", "July 1962"},
		{"another year of a coined name, without its month", "Anadyr was first discussed in 1961.", "", "", ""},
		{"a right date", "On 14 October 1962 a U-2 spy plane photographed the missile sites on Cuba.", "", "", ""},
		{"a date of another fact the sentence names", "In 1961 the USA placed Jupiter missiles in Turkey, and a year later a U-2 spy plane photographed missile sites on Cuba.", "", "", ""},
		{"a date of a change", "Relations between the superpowers began to improve in 1963.", "", "", ""},
		{"a true date the notes do not hold", "Castro had already met Khrushchev in New York in 1960.", "", "", ""},
		{"another fact about a person of one fact", "Rudolf Anderson had flown spy missions since 1957.", "", "", ""},
		{"another number beside the fact's own figure", "The USSR placed about 40 nuclear missiles on Cuba, within range of 80 American cities.", "", "", ""},
		{"another fact about an exile of one fact", "Many of the exiles had left Cuba in 1959 and trained in Guatemala.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(tt.essay)
			var got []string
			for _, p := range rep.Problems {
				if p.Kind == rubrics.ProblemMisspelt {
					continue
				}
				got = append(got, p.Kind+" "+p.Text)
				if tt.kind != "" && p.Kind == tt.kind && p.Text == tt.text && p.Expected != tt.expected {
					t.Errorf("%s: expected %q, want %q", p.Text, p.Expected, tt.expected)
				}
			}
			want := ""
			if tt.kind != "" {
				want = tt.kind + " " + tt.text
			}
			if strings.Join(got, "; ") != want {
				t.Errorf("problems %q, want %q", got, want)
			}
		})
	}
}

const revoltNotes = `# The Peasants' Revolt, 1381

## Cause 1: Taxation
- 1377: the first poll tax charged every adult four pence.
- 1380: the third poll tax charged everyone a shilling, three times the rate of 1379.

## Cause 2: The Black Death
### Deaths
- 1348: the Black Death killed about a third of the people of England.
### Wages
- 1351: the Statute of Labourers tried to hold wages at their old level.
`

// A paragraph that argues with two or more facts of a cause's section
// treats that cause as a reason, though it never names the heading; one
// fact alone, or facts only listed, do not.
func TestSectionMatcher(t *testing.T) {
	lib, r := drafted(t, "revolt-1381", "The Peasants' Revolt", revoltNotes, "Why did the peasants revolt in 1381?")
	causeFound := func(essay, label string) bool {
		t.Helper()
		rep, err := lib.Check(r, essay)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range rep.Evidence {
			if ev.Label == label {
				return ev.Found
			}
		}
		t.Fatalf("no item %q in the report", label)
		return false
	}
	for _, tt := range []struct {
		name, essay, cause string
		want               bool
	}{
		{"two facts of the section, argued", "The peasants hated paying. In 1377 every adult was charged four pence by the first poll tax, and in 1380 the third poll tax charged everyone a shilling, so the peasants rebelled.", "Taxation", true},
		{"one fact of the section", "In 1380 the third poll tax charged everyone a shilling, so the peasants rebelled.", "Taxation", false},
		{"facts of another section", "The Black Death killed a third of the people in 1348, so in 1351 the Statute of Labourers tried to hold wages down, which angered the peasants.", "Taxation", false},
		{"facts of the headings within a section, argued", "In 1348 a third of the people of England were killed. In 1351 the Statute of Labourers tried to hold wages down, which angered the peasants.", "The Black Death", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := causeFound(tt.essay, tt.cause); got != tt.want {
				t.Errorf("cause %q found = %v, want %v", tt.cause, got, tt.want)
			}
		})
	}
}

// A line that opens with the name of its fact and a colon ("Poll tax: a
// tax on every adult") is named by a sentence that uses that name.
func TestDefinedTerm(t *testing.T) {
	notes := "# The Peasants' Revolt\n\n## The demands\n- Serfdom: peasants were bound to work their lord's land for nothing.\n- The rebels demanded an end to serfdom and to the poll tax.\n- Richard II met the rebels at Mile End and promised them charters of freedom.\n"
	lib, r := drafted(t, "revolt-terms", "The Peasants' Revolt", notes, "")
	for _, tt := range []struct {
		essay string
		want  bool
	}{
		{"The peasants hated serfdom more than anything else.", true},
		{"The peasants hated their lords.", false},
	} {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		if got := foundLines(rep)[4]; got != tt.want {
			t.Errorf("%q: line 4 found = %v, want %v", tt.essay, got, tt.want)
		}
	}
}

// Names that many facts share say who, not what: a sentence with only
// them states none of those facts.
func TestNamesAloneStateNothing(t *testing.T) {
	notes := `# The break with Rome

## The annulment
- 1527: Henry asked the Pope to annul his marriage to Catherine of Aragon.
- 1528: Tyndale wrote that kings, not popes, ruled the Church; Anne Boleyn showed it to Henry.
- January 1533: Henry married Anne Boleyn in secret.
- May 1533: Cranmer declared that Henry's marriage to Catherine was void.
- 1 June 1533: Anne was crowned queen.
- 7 September 1533: Anne gave birth to Elizabeth.
- 19 May 1536: Anne Boleyn was beheaded for treason.
- Henry broke with Rome so that he could marry again.
- 1532: Henry made Anne Boleyn Marquess of Pembroke.
- Anne Boleyn's family led the court faction that favoured reform.
`
	lib, r := drafted(t, "henry-names", "The break with Rome", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Henry was in love with Anne Boleyn.", 5, false},
		{"Anne Boleyn showed Henry a book by Tyndale, which said that kings ruled the Church.", 5, true},
		{"Henry married Anne Boleyn in secret early in 1533.", 6, true},
	})
}

// A name of several words ("the Voting Rights Act") names its event,
// though each of its words is common: alone when no other line has it,
// with its date when several lines do.
func TestNamesOfSeveralWords(t *testing.T) {
	notes := `# Civil rights in the USA

## Laws
- 1957: the first Civil Rights Act set up a commission but achieved little.
- 2 July 1964: the Civil Rights Act banned segregation in public places.
- 11 April 1968: the Civil Rights Act banned discrimination in housing.
- 6 August 1965: the Voting Rights Act banned literacy tests.
- Civil rights campaigners marched in many cities.
`
	lib, r := drafted(t, "civil-rights-laws", "Civil rights in the USA", notes, "")
	for _, tt := range []struct {
		essay     string
		want, not []int
	}{
		{"The Civil Rights Act was passed in 1964.", []int{5}, []int{4, 6}},
		{"After this the Voting Rights Act was passed.", []int{7}, nil},
		{"Congress passed laws on civil rights.", nil, []int{4, 5, 6, 7}},
	} {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		got := foundLines(rep)
		for _, l := range tt.want {
			if !got[l] {
				t.Errorf("%q: line %d not found", tt.essay, l)
			}
		}
		for _, l := range tt.not {
			if got[l] {
				t.Errorf("%q: line %d found", tt.essay, l)
			}
		}
	}
}

// A fact that says what did not happen, in whatever words ("refused"), is
// stated by a sentence that says it with "not"; a denial of a fact that
// did happen states nothing.
func TestNegativeFacts(t *testing.T) {
	notes := `# Russia in 1917

## The Provisional Government
- The Provisional Government refused to hand land to the peasants before the elections.
- In July Kerensky became Prime Minister of the Provisional Government.
- The Provisional Government kept Russia in the war against Germany.
`
	lib, r := drafted(t, "russia-negative", "Russia in 1917", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"The Provisional Government would not hand the land over to the peasants.", 4, true},
		{"Kerensky did not become Prime Minister in July.", 5, false},
	})
}

// An essay whose dates are mostly outside the years the notes cover
// answers another question, and is held at level 1; one of the notes'
// years is not.
func TestYearsTheNotesDoNotCover(t *testing.T) {
	lib, r := drafted(t, "cuba-years", "The Cuban Missile Crisis", cubaNotes, "Why did the Cuban Missile Crisis happen in 1962?")
	for _, tt := range []struct {
		essay string
		held  bool
	}{
		{"The Berlin Wall fell in November 1989. Germany was reunited in October 1990. The Soviet Union broke up in December 1991. In 1992 Russia faced an economic crisis, because the old system had gone.", true},
		{"In January 1959 Castro took power in Cuba. On 17 April 1961 the Bay of Pigs invasion failed. On 14 October 1962 a U-2 photographed missile sites, because the USSR had placed missiles there. On 28 October 1962 Khrushchev agreed to remove them.", false},
	} {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		held := strings.Contains(rep.Score.Explanation, "years the notes do not cover") || strings.Contains(strings.Join(rep.Notes, " "), "outside the years the notes cover")
		if held != tt.held {
			t.Errorf("%.40q: held for its years = %v, want %v (level %d; %s)", tt.essay, held, tt.held, rep.Score.Level, rep.Score.Explanation)
		}
	}
}

// A passage that opens with "he" or "it" is about the name before it: a
// sentence that names them states more of it, but the name alone states
// nothing of it.
func TestPassagesThatOpenWithAPronoun(t *testing.T) {
	notes := `# Tsarist Russia, 1894-1914

## The Tsar
- Nicholas II was crowned in 1896 and ruled as an autocrat.
- He was shy, vain, stubborn and indecisive in every crisis.
- Witte built the Trans-Siberian Railway.

## The Duma
- It was an elected parliament that the Tsar dissolved twice.
- Stolypin hanged so many rebels that the noose was called his necktie.
`
	lib, r := drafted(t, "tsar-pronouns", "Tsarist Russia", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Nicholas II was indecisive.", 5, true},
		{"Nicholas II ruled Russia until 1917.", 5, false},
		{"Witte was a good minister.", 5, false},
	})
}

// lineCase is an essay and whether the check finds the fact of a line of
// the notes in it.
type lineCase struct {
	essay string
	line  int
	want  bool
}

func expectLines(t *testing.T, lib *rubrics.Library, r *rubrics.Rubric, cases []lineCase) {
	t.Helper()
	for _, tt := range cases {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		if got := foundLines(rep)[tt.line]; got != tt.want {
			t.Errorf("%q: line %d found = %v, want %v", tt.essay, tt.line, got, tt.want)
		}
	}
}

// Initials the notes never use stand for the name of several words they
// give in full ("MRC" for the Military Revolutionary Committee), unless
// two of their names share them.
func TestInitialsOfNames(t *testing.T) {
	notes := `# October 1917

## The rising
- Trotsky directed the Soviet's Military Revolutionary Committee, which planned the rising.
- Lenin chaired the Council of People's Commissars, the new government.
- The Bolsheviks closed the Constituent Assembly in January 1918.
- Delegates of the Congress of Soviets met at the Smolny Institute.
- The Central Powers Conference met in Berlin.
- The Bolsheviks seized the Winter Palace on 25 October.
`
	lib, r := drafted(t, "october-initials", "October 1917", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Trotsky was in charge of the MRC.", 4, true},
		{"Trotsky was in charge of the army.", 4, false},
		// "CPC" could be either of two names: neither is stated.
		{"Lenin chaired the CPC.", 5, false},
	})
}

// A day the notes give in two calendars ("2 March 1917 (15 March)") is
// right in either; another day is not.
func TestDatesInTwoCalendars(t *testing.T) {
	notes := `THE FEBRUARY REVOLUTION, 1917
1. 27 February: soldiers of the garrison mutinied and joined the crowds.
2. 2 March 1917 (15 March): Nicholas abdicated in his train at Pskov after his generals turned against him.
3. 3 March: his brother, Grand Duke Michael, refused the crown.
`
	lib, r := drafted(t, "two-calendars", "The February Revolution", notes, "")
	for _, tt := range []struct {
		essay string
		wrong bool
	}{
		{"On 15 March 1917 Nicholas abdicated in his train at Pskov.", false},
		{"On 2 March 1917 Nicholas abdicated in his train at Pskov.", false},
		{"On 9 March 1917 Nicholas abdicated in his train at Pskov.", true},
	} {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		if wrong := len(rep.Problems) > 0; wrong != tt.wrong {
			t.Errorf("%q: problems %+v, want some = %v", tt.essay, rep.Problems, tt.wrong)
		}
	}
}

// A figure the notes give once, and that no other fact would share by
// chance, names its fact; a small number does not.
func TestFiguresThatNameTheirFact(t *testing.T) {
	notes := `# Russia at war

## The cost of the war
- By 1917 about 1.7 million Russian soldiers had been killed, and desertion was widespread.
- The government printed money; by 1916 prices had risen by about 300%, far faster than wages.
- In 1915 some soldiers went to the front without rifles and had to wait for 2 comrades to die.
- Over 90,000 men were taken prisoner at Tannenberg in August 1914.
- The Black Sea fleet was cut to 6 battleships, and its sailors were sent to the army.
`
	lib, r := drafted(t, "war-figures", "Russia at war", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"- 1.7m dead", 4, true},
		{"- inflation 300%", 5, true},
		{"- 2 dead", 6, false},
		{"- 1.2m dead", 4, false},
		// Below ten, in words as in digits.
		{"The fleet kept only six battleships.", 8, true},
		{"The fleet kept only seven battleships.", 8, false},
	})
}

// An essay whose title line asks another question than the one set is held
// at level 1; a title that puts the set question in other words, or a
// first sentence that runs on into the essay, is not.
func TestOwnQuestion(t *testing.T) {
	lib, r := drafted(t, "cuba-title", "The Cuban Missile Crisis", cubaNotes, "How far was the USA to blame for the Cuban Missile Crisis of 1962?")
	body := "In January 1959 Fidel Castro took power in Cuba. On 17 April 1961 the Bay of Pigs invasion failed, because the CIA had planned it badly. On 22 October 1962 Kennedy announced a naval blockade of Cuba."
	for _, tt := range []struct {
		essay string
		held  bool
	}{
		{"Why did Castro win the Cuban Revolution?\n\n" + body, true},
		{"Was America to blame for the crisis over Cuba?\n\n" + body, false},
		{"Why did Castro win the Cuban Revolution? " + body, false},
		{body, false},
	} {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		held := strings.Contains(rep.Score.Explanation+strings.Join(rep.Notes, " "), "answers its own question")
		if held != tt.held {
			t.Errorf("%.50q: held for its own question = %v, want %v (level %d)", tt.essay, held, tt.held, rep.Score.Level)
		}
	}
}

// A cause that is people ("Lenin and the Bolshevik party") is argued by
// naming them as a reason, though the notes name them everywhere; naming
// them alone is no argument.
func TestCauseOfPeople(t *testing.T) {
	notes := `# Russia in 1917

## Cause 1: The war
- The army lost millions of men, and soldiers deserted.
- Lenin said the war was an imperialist war, and the Bolsheviks called for peace.
- Bolshevik agitators spread pamphlets among the troops at the front.
- In July the government blamed the Bolsheviks for the riots, and Lenin fled to Finland.
- Kornilov's march on Petrograd failed, and the Bolsheviks were armed to stop him.
- By October the Bolsheviks controlled the Soviet, and Lenin called for a rising.

## Cause 3: Hunger
- Bread queues grew longer in Petrograd in the winter of 1916.
- Lenin promised bread, and the Bolsheviks won the support of the workers.
- Prices rose four times over while wages stayed the same.

## Cause 2: Lenin and the Bolshevik party
- Lenin came back in April and demanded peace, land and bread.
- The Bolsheviks won a majority in the Petrograd Soviet in August.
- Trotsky led the Red Guards for the Bolsheviks, and Lenin chaired the new government.
`
	lib, r := drafted(t, "russia-people", "Russia in 1917", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"The main reason for the revolution was Lenin and the Bolsheviks.", 16, true},
		{"Lenin and the Bolsheviks were in Petrograd in October.", 16, false},
	})
}

// A date to the day that the notes give one fact, with a word of the fact,
// names it: "blockade ended 12/5/49".
func TestExactDates(t *testing.T) {
	notes := `# The Berlin Blockade

## The blockade, 1948-49
- 24 June 1948: Stalin cut the road and rail links to West Berlin, which began the blockade.
- 26 June 1948: the airlift began, as American and British planes flew supplies into the city.
- The blockade showed that the West would not give up Berlin without a fight.
- The airlift carried coal, food and medicine through the winter of the blockade.
- 12 May 1949: Stalin lifted the blockade after almost eleven months of shortages in the city.
- Stalin's blockade had failed, and the western zones became West Germany.
`
	lib, r := drafted(t, "blockade-days", "The Berlin Blockade", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"- blockade ended 12/5/49", 8, true},
		{"- blockade ended 1949", 8, false},
		{"- 12/5/49", 8, false},
	})
}

// A name of several words that the notes' introduction also uses names
// its one fact all the same, since the introduction states no fact: a
// date of it that the notes do not give is corrected.
func TestNamesTheIntroductionShares(t *testing.T) {
	notes, err := os.ReadFile("../testdata/topics/american-revolution-1763-76/notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	lib, r := drafted(t, "revolution-intro", "The causes of the American Revolution", string(notes), "")
	rep, err := lib.Check(r, "The Declaration of Independence was agreed on 4 July 1775.")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Text != "4 July 1775" || rep.Problems[0].Expected != "4 July 1776" {
		t.Errorf("problems %+v, want 4 July 1775 corrected to 4 July 1776", rep.Problems)
	}
}

const plotNotes = `# The Gunpowder Plot, 1605

## The plotters
- Robert Catesby led the plotters, who wanted a Catholic on the throne.
- Catesby recruited Guy Fawkes, a soldier who knew how to handle gunpowder.
- The plotters rented a cellar under the House of Lords and filled it with barrels.
- January 1606: Fawkes and seven other plotters were executed in London.

## The discovery
- 26 October 1605: Lord Monteagle received an anonymous letter warning him to stay away.
- 5 November 1605: Fawkes was arrested in the cellar with 36 barrels of gunpowder.
- Fawkes was tortured in the Tower until he named the others.
- The government's ministers wanted the Catholics punished harshly.
- Parliament ordered a yearly day of thanksgiving, and the ministers nationalised the saltpetre trade.
- Robert Cecil showed the letter to King James on 1 November.
- Some think Cecil wrote anonymous pamphlets against the Catholics himself.
`

// An essay may put a fact in plainer words than the notes ("killed" for
// "executed", "hired" for "rented"), which count for less than the notes'
// own and never single a fact out alone.
func TestPlainerWords(t *testing.T) {
	lib, r := drafted(t, "plot-plainer", "The Gunpowder Plot", plotNotes, "")
	expectLines(t, lib, r, []lineCase{
		{"Fawkes and the other plotters were killed.", 7, true},
		{"Fawkes and the other plotters were executed.", 7, true},
		{"Many people were killed.", 7, false},
		{"Fawkes and the other plotters were hurt.", 7, false},
	})
}

// A word the notes use of one fact may still be the plainer word for
// another's: "killed" is Catesby's death in a gunfight, and the plainer
// word for the execution of Fawkes.
func TestPlainerWordsTheNotesUse(t *testing.T) {
	notes := plotNotes + "- November 1605: Catesby was killed in a gunfight at Holbeche House.\n"
	lib, r := drafted(t, "plot-plainer-own", "The Gunpowder Plot", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Fawkes and the other plotters were killed.", 7, true},
		{"Fawkes and the other plotters were hurt.", 7, false},
		{"Catesby was killed in a gunfight.", 17, true},
	})
}

// A sentence that dates what it says to a year none of the fact's dates
// fall in needs more of the fact's words: it is more likely about
// another event.
func TestAnotherYear(t *testing.T) {
	lib, r := drafted(t, "plot-year", "The Gunpowder Plot", plotNotes, "")
	expectLines(t, lib, r, []lineCase{
		{"In 1605 Fawkes was arrested.", 11, true},
		{"Fawkes was arrested.", 11, true},
		{"In 1610 Fawkes was arrested.", 11, false},
		{"In 1610 Fawkes was arrested in the cellar with the gunpowder.", 11, true},
	})
}

// A term the notes quote ("Deeds Not Words") is named by its words
// together, in order; one of its words alone, an ordinary word for all its
// capital, names nothing.
func TestQuotedTerms(t *testing.T) {
	notes := `# Votes for women, 1903-18

## Militancy
- 1903: Emmeline Pankhurst founded the Women's Social and Political Union (WSPU).
- Its members promised "Deeds Not Words".
- 1913: Emily Davison died after running in front of the King's horse at the Derby.
- Many suffragettes were force-fed in prison.
`
	lib, r := drafted(t, "votes-quoted", "Votes for women", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Their slogan was deeds not words.", 5, true},
		{"They promised deeds, not words.", 5, true},
		{"Their deeds were brave.", 5, false},
	})
}

// A word of one cause's name alone ("war" of "The First World War"), in a
// sentence that names causes as causes, is that cause; the same word in
// a sentence that does not is not.
func TestCausesNamedByAWord(t *testing.T) {
	notes := `# The fall of the Tsar, 1917

## Cause 1: The First World War
- 1914: Russia went to war with Germany.
- 1916: over a million soldiers had died in the war.

## Cause 2: Economic hardship and hunger
- 1916: prices rose by 300% and the cities ran short of bread.

## Cause 3: The weakness of the Tsar's government
- Nicholas II trusted few advisers and would not share power.
`
	lib, r := drafted(t, "tsar-causes", "The fall of the Tsar", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Causes: the war, hunger and a weak government.", 3, true},
		{"Causes: war, hunger, a weak government.", 7, true},
		{"The war was long and many people were hungry.", 3, false},
	})
}

// Each part of a bullet point of notes may state a fact of its own, in
// no more words than its name and date ("Fawkes Jan 1606" is the one fact
// of Fawkes in January 1606); a part of one word states nothing alone.
func TestBulletParts(t *testing.T) {
	lib, r := drafted(t, "plot-bullets", "The Gunpowder Plot", plotNotes, "")
	expectLines(t, lib, r, []lineCase{
		{"• Fawkes Jan 1606 – tortured in the Tower", 7, true},
		{"• Fawkes Jan 1606 – tortured in the Tower", 12, true},
		{"• Fawkes – tortured in the Tower", 7, false},
	})
}

// A sentence about one fact, wrongly dated to the year of another that
// shares only a word or two with it, is about the first: its date is
// corrected, not credited to the second.
func TestWrongYearOfTheFactStated(t *testing.T) {
	notes := `# Britain, 1979-80

## Elections
- 4 May 1979: the Conservatives won the general election, and Margaret Thatcher became Prime Minister.
- Early 1980: in the by-elections the Liberals won most of the seats.
`
	lib, r := drafted(t, "britain-years", "Britain, 1979-80", notes, "")
	const essay = "The Conservatives won the election in May 1980 and Thatcher became Prime Minister."
	expectProblems(t, lib, r, []problemCase{{essay, rubrics.ProblemDate + " May 1980 -> 4 May 1979"}})
	rep, err := lib.Check(r, essay)
	if err != nil {
		t.Fatal(err)
	}
	if foundLines(rep)[5] {
		t.Error("the by-elections are credited")
	}
}

// A sentence credited with a fact by its figure and a word or two, that
// gives the fact's day and month in another, nearby year, has slipped the
// year: two facts hardly share a day.
func TestYearSlipOfACreditedFact(t *testing.T) {
	lib, r := drafted(t, "plot-slip", "The Gunpowder Plot", plotNotes, "")
	expectProblems(t, lib, r, []problemCase{
		{"Fawkes was caught on 5 November 1606 after 36 barrels were found.", rubrics.ProblemDate + " 5 November 1606 -> 5 November 1605"},
		{"Fawkes was caught in November 1606 after 36 barrels were found.", ""},
	})
}

// The words of a figure written out ("twenty-seven") are its value: the
// "seven" in it is not the notes' "seven other plotters".
func TestWordsOfAFigure(t *testing.T) {
	lib, r := drafted(t, "plot-figure-words", "The Gunpowder Plot", plotNotes, "")
	expectLines(t, lib, r, []lineCase{
		{"Fawkes and twenty-seven other men were caught.", 7, false},
		{"Fawkes and seven other plotters were executed.", 7, true},
	})
}

// A figure that stands where a fact's own figure stands, before the same
// word ("could only have 60,000 men" against "limited to 100,000 men"),
// is that fact's, and wrong, though the sentence states little else of
// it, when the figure is a real one of other facts; in another slot, or
// a figure the notes never give, it is left alone.
func TestFigureInAFactsSlot(t *testing.T) {
	notes := `# The peace treaty, 1919

## Terms
- The army was limited to 100,000 men and conscription was banned.
- The navy was cut to 6 battleships and no submarines were allowed.

## Elections
- A party won one seat for every 60,000 votes.

## The Ruhr
- 11 January 1923: 60,000 French and Belgian troops occupied the Ruhr.
`
	lib, r := drafted(t, "treaty-slots", "The peace treaty", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"The army could only have 60,000 men.", rubrics.ProblemFigure + " 60,000 -> 100,000"},
		{"The army could only have 60,000 soldiers.", ""},
		{"Later the army grew to 400,000 men.", ""},
	})
}

// A date worked out from an earlier one ("ten days later") places what a
// sentence says, and is never called wrong: the student did not write it.
func TestRelativeDatesAreNeverCorrected(t *testing.T) {
	lib, r := drafted(t, "plot-relative", "The Gunpowder Plot", plotNotes, "")
	for _, essay := range []string{
		"On 26 October 1605 Monteagle received a letter. Ten days later Fawkes was arrested in the cellar.",
		"On 26 October 1605 Monteagle received a letter. Two days later Fawkes was arrested in the cellar.",
	} {
		rep, err := lib.Check(r, essay)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rep.Problems {
			t.Errorf("%q: problem %s %q", essay, p.Kind, p.Text)
		}
		if !foundLines(rep)[11] {
			t.Errorf("%q: the arrest is not found", essay)
		}
	}
}

// A number of a pair with a slash ("28/9", a date with no year) is not a
// figure to correct.
func TestSlashedNumbers(t *testing.T) {
	notes := `# 1066

## The claimants
- Harold Godwinson was crowned in January 1066.
- Harold's brother Tostig joined the invaders.
- Harold marched north to meet them.
- Harold won at Stamford Bridge.
- Harold was killed at Hastings.
- Harald Hardrada, King of Norway, claimed the throne and landed with 300 ships.
- 28 September 1066: William landed at Pevensey with about 7,000 men.
`
	lib, r := drafted(t, "claimants-1066", "1066", notes, "")
	expectProblems(t, lib, r, []problemCase{{"Harald Hardrada landed with 300 ships.\nPevensey 28/9 - William landed with his men\nHarold was crowned.", ""}})
}

// A sentence that argues with the word that is most of a cause's name
// ("castles" of "CASTLES:") argues that cause; one that only mentions it
// does not.
func TestCauseNamedByItsWord(t *testing.T) {
	notes := `KEEPING CONTROL OF ENGLAND, 1066-87

LEADERSHIP:
* William had led armies since he was a boy.
* He planned the invasion for months.

CASTLES:
* By 1087 there were about 500 castles in England.
* The Normans built motte and bailey castles in a few weeks.
* Stone castles such as the White Tower came later.
* Castles were built in towns such as York and Lincoln.

THE FEUDAL SYSTEM:
* William gave land to his barons in return for knights.
`
	lib, r := drafted(t, "control-causes", "Keeping control of England", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"He kept control after 1066 because he was ruthless and built castles.", 7, true},
		{"Castles are often ruins today.", 7, false},
	})
}

// problemCase is an essay and the problems a check must raise on it, as
// "kind text -> expected" joined by "; ", or "" for none.
type problemCase struct{ essay, want string }

func expectProblems(t *testing.T, lib *rubrics.Library, r *rubrics.Rubric, cases []problemCase) {
	t.Helper()
	for _, tt := range cases {
		rep, err := lib.Check(r, tt.essay)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range rep.Problems {
			got = append(got, p.Kind+" "+p.Text+" -> "+p.Expected)
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%q: problems %q, want %q", tt.essay, got, tt.want)
		}
	}
}

// A figure is the point of a line of figures, but not of an event that
// gives one in passing: a sentence that names the event, with a word of
// what happened, states it without the number; the subject alone, without
// a name, does not.
func TestEventWithAFigure(t *testing.T) {
	notes := `THE SPANISH ARMADA, 1588

THE CAMPAIGN:
* The Armada of about 130 ships sailed up the Channel in a crescent formation.
* At Calais eight English fireships broke up the Spanish fleet.
* About 15,000 Spanish sailors and soldiers died, most of them of hunger and disease.
* The Spanish fleet had to sail home around Scotland and Ireland.
`
	lib, r := drafted(t, "armada-figures", "The Spanish Armada", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"The Armada sailed up the Channel in a crescent.", 4, true},
		{"The Armada sailed up the Channel with about 130 ships.", 4, true},
		{"Thousands of Spanish sailors died.", 6, false},
		{"About 15,000 men died.", 6, true},
	})
}

// A place and its adjective are one name ("France", "French"), when few
// of the notes' facts use either: the forms of a name used throughout
// tell facts apart.
func TestFormsOfAPlace(t *testing.T) {
	notes := `THE CRIMEAN WAR, 1853-56

* 1853: Russian troops occupied Moldavia and Wallachia.
* 1854: British and French troops landed in the south and besieged the port.
* 1855: the port fell after a siege of eleven months.
* 1856: the Treaty of Paris closed the Black Sea to warships.
`
	lib, r := drafted(t, "crimea-places", "The Crimean War", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Britain and France sent troops to the south.", 4, true},
		{"Troops were sent to the south.", 4, false},
		{"France was an ally.", 4, false},
	})
}

// The core of a clause, before its trailing phrase, states it: the phrase
// says to whom, where or why, which an essay may leave out.
func TestCoreOfAClause(t *testing.T) {
	notes := `RICHARD I AND THE THIRD CRUSADE, 1189-94

* 1189: Richard I was crowned King of England.
* 1190: the king sold offices and lands in England to pay for the crusade.
* 1191: Richard captured the city of Acre and killed its prisoners.
* 1192: Richard was captured by Duke Leopold of Austria on his way home.
* England had to pay a ransom to the Emperor Henry for the freedom of its sovereign.
* Every free man in England paid a quarter of his income towards the ransom.
* Towns in England had to pay for their charters.
* Barons had to pay scutage instead of serving in the army.
* 1194: Richard returned to England and was crowned again.
* 1199: Richard died at the siege of Chalus.
* Queen Eleanor collected the ransom from the abbeys.
* The Jews of England had to pay heavy taxes.
* Monasteries in England had to pay a share of their wool.
`
	lib, r := drafted(t, "richard-core", "Richard I and the Third Crusade", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"While he was held, England had to pay a ransom.", 7, true},
		{"The ransom was paid.", 7, false},
	})
}

// "people" carries no fact, but it says what a figure counts: a figure
// before it stands in the slot of a fact's figure of people.
func TestFigureOfPeopleInAFactsSlot(t *testing.T) {
	notes := `# Chartism, 1838-48

## The petitions
- 1839: the first petition was signed by 1,280,000 people and rejected by Parliament.
- 10 April 1848: about 150,000 people gathered on Kennington Common, where Feargus O'Connor spoke.

## Newport
- 4 November 1839: about 5,000 people marched on Newport and soldiers fired on them.
`
	lib, r := drafted(t, "chartism-slots", "Chartism", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"Then came Kennington Common, where 5,000 people listened.", rubrics.ProblemFigure + " 5,000 -> 150,000"},
		{"About 5,000 people marched on Newport.", ""},
		{"About 150,000 people gathered on Kennington Common.", ""},
	})
}

// A clause that only gives a time is the time of the "when" clause after
// it: "It all ended in November 1606, when Fawkes was arrested".
func TestTimeOfAWhenClause(t *testing.T) {
	lib, r := drafted(t, "plot-when", "The Gunpowder Plot", plotNotes, "")
	expectProblems(t, lib, r, []problemCase{
		{"The plot was foiled in November 1606, when Fawkes was arrested in the cellar with the gunpowder.", rubrics.ProblemDate + " November 1606 -> 5 November 1605"},
		{"The plot was foiled in November 1605, when Fawkes was arrested in the cellar with the gunpowder.", ""},
		{"In 1606, when the plotters were executed, the king was relieved.", ""},
	})
}

// A name of two words may open a line of notes ("Magna Carta (1215)
// ..."): it is a name all the same, and an essay that misspells it is
// told so.
func TestNameThatOpensALine(t *testing.T) {
	notes := `# King John, 1199-1216

## The barons
- Magna Carta (1215) limited the power of the king.
- 1214: John lost the Battle of Bouvines and with it his lands in France.
- 1216: John died at Newark while the barons were at war with him.
`
	lib, r := drafted(t, "john-names", "King John", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"In 1215 the barons made John agree to Magnna Carta, which limited the power of the king.", rubrics.ProblemMisspelt + " Magnna -> Magna"},
		{"In 1215 the barons made John agree to Magna Carta, which limited the power of the king.", ""},
	})
}

// A figure with a unit is checked against the fact's figure in that unit,
// even when its number is another figure of the same fact: "3,000 tonnes"
// against "120,000 tonnes of grain in 3,000 shiploads".
func TestFigureInAnotherMeasure(t *testing.T) {
	notes := `# The Irish famine, 1845-52

## Relief
- 1846: Peel's government bought about 120,000 tonnes of maize from America in 3,000 shiploads.
- 1847: the soup kitchens fed about 3 million people a day.
`
	lib, r := drafted(t, "famine-measures", "The Irish famine", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"In 1846 Peel's government bought about 3,000 tonnes of maize from America.", rubrics.ProblemFigure + " 3,000 tonnes -> 120,000 tonnes"},
		{"In 1846 Peel's government bought about 120,000 tonnes of maize from America.", ""},
		{"The maize came from America in 3,000 shiploads.", ""},
	})
}

// A fact the sentence is credited with only for its figure does not vouch
// for the figure when the sentence names another fact by its name.
func TestFigureDoesNotVouchForItself(t *testing.T) {
	notes := `# The Great Fire of London, 1666

## The fire
- 2 September 1666: the Great Fire began in Thomas Farriner's bakery in Pudding Lane.
- In the Great Fire about 13,200 houses burned and about 60 people were killed.
- The plague of 1665 had already killed about 100,000 people in London.
`
	lib, r := drafted(t, "fire-vouch", "The Great Fire of London", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"In the Great Fire that began in Pudding Lane about 100,000 people were killed.", rubrics.ProblemFigure + " 100,000 -> 60"},
		{"The plague killed about 100,000 people in London.", ""},
		{"About 100,000 people were killed.", ""},
	})
}

// A day and month without a year are checked against the day and month
// of an event the sentence names by its name; a month alone is not.
func TestDayAndMonthWithoutAYear(t *testing.T) {
	lib, r := drafted(t, "plot-day-month", "The Gunpowder Plot", plotNotes, "")
	expectProblems(t, lib, r, []problemCase{
		{"Lord Monteagle received an anonymous letter on 16 October.", rubrics.ProblemDate + " 16 October -> 26 October 1605"},
		{"Lord Monteagle received an anonymous letter on 26 October.", ""},
		{"Lord Monteagle received an anonymous letter in November.", ""},
	})
}

// A sum with the amount of another fact's sum in another currency is that
// figure misremembered: it is checked against the fact whose slot it is in.
func TestSumInAnotherCurrency(t *testing.T) {
	notes := `# Britain after the war, 1945-51

## Money
- By 1945 Britain owed its empire about £1,300 million for goods supplied during the war.
- December 1945: Britain had to borrow $3.75 billion from the USA to pay its way.
`
	lib, r := drafted(t, "postwar-sums", "Britain after the war", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"By 1945 Britain owed its empire £3.75 billion.", rubrics.ProblemFigure + " £3.75 billion -> £1,300 million"},
		{"By 1945 Britain owed its empire £1,300 million.", ""},
		{"In 1945 Britain borrowed $3.75 billion from the USA.", ""},
	})
}

// In a clause that names a fact by its name, only what the clause names
// vouches for its date: another fact of the sentence does not.
func TestDateOfTheFactAClauseNames(t *testing.T) {
	notes := `# The Glorious Revolution, 1688-89

## The revolution
- 5 November 1688: William of Orange landed at Torbay with an army of 15,000 men.
- 23 December 1688: James II fled to France.
- 13 February 1689: William and Mary accepted the Declaration of Rights and were offered the crown.
- December 1689: Parliament passed the Bill of Rights.
- 1690: William defeated James at the Battle of the Boyne.
`
	lib, r := drafted(t, "glorious-clauses", "The Glorious Revolution", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"William and Mary accepted the Declaration of Rights in 1690.", rubrics.ProblemDate + " 1690 -> 13 February 1689"},
		{"James II fled, and after the Bill of Rights was passed William defeated James at the Battle of the Boyne in 1690.", ""},
		{"James II fled to France, and the Bill of Rights was passed on 23 December 1688.", rubrics.ProblemDate + " 23 December 1688 -> December 1689"},
		{"James II fled to France on 23 December 1688, and the Bill of Rights was passed in December 1689.", ""},
		{"On 23 December 1688 James II fled to France.", ""},
	})
}

// A name with its number ("Apollo 11") names its fact, as a name of
// several words does.
func TestNameAndItsNumber(t *testing.T) {
	notes := `# The constitution of 1791

## The king
- Article 16 let the king delay a law for up to four years.
- Article 25 made the king's person sacred and inviolable.

## The assembly
- The assembly was elected by active citizens who paid taxes.
`
	lib, r := drafted(t, "constitution-numbers", "The constitution of 1791", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"• Weak king – veto, Article 16", 4, true},
		{"• Weak king – veto, Article 16", 5, false},
		{"• Weak king – veto, Article", 4, false},
	})
	notes = `# The army in 1917

## Dual power
- 1 March: the Soviet's Order No. 1 told soldiers to obey the Soviet first.
- Order was kept in the barracks by soldiers' committees.
`
	lib, r = drafted(t, "order-numbers", "The army in 1917", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"- Order No 1", 4, true},
		{"- Order", 4, false},
	})
}

// A month that opens a name ("the September Massacres") is a word of the
// name; the line that is the name alone is the event it names, though
// later lines use the name too.
func TestNameThatOpensWithAMonth(t *testing.T) {
	notes := `# The French Revolution, 1789-94

## The republic
- 2-6 September 1792: the September Massacres. Crowds killed over 1,000 prisoners in Paris.
- After the September Massacres many moderates turned against the sans-culottes.
- 21 September 1792: the Convention abolished the monarchy.
`
	lib, r := drafted(t, "revolution-months", "The French Revolution", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"- September Massacres", 4, true},
		{"- September Massacres", 5, false},
		{"- Massacres", 4, false},
	})
}

// Two of a line's figures ("7-3" for "voted by 7 to 3") say more than
// one: a tally names its vote.
func TestTwoFiguresOfALine(t *testing.T) {
	notes := `# The war council, 1756

## The decision
- 5 June 1756: the royal council voted by 7 to 3 to declare war; the Duke and the Bishop were against it.
- 12 June 1756: the army marched north under the Marshal.
- The navy sailed to blockade the southern ports.
- The treasury raised a new tax to pay for the war.
- 1757: parliament voted the money for a second army.
`
	lib, r := drafted(t, "council-tally", "The war council", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"- 7-3 vote", 4, true},
		{"- 7 votes", 4, false},
	})
}

// A line of the notes may give a named event's figures on its own ("The
// vote was only 159 to 148"): a sentence that names the event and gives
// both figures is right, though the event's own line has another figure.
func TestFiguresOfAnEventInALineOfTheirOwn(t *testing.T) {
	notes := `# The road to war, 1641-42

## Parliament divides
- 21 April 1641: the Commons passed the Bill of Attainder against Strafford by 204 votes to 59.
- 22 November 1641: the Commons passed the Grand Remonstrance, a list of 204 grievances.
- The vote was only 159 to 148, which showed that moderates were turning to the King.
- 4 January 1642: Charles tried to arrest five members of the Commons.
`
	lib, r := drafted(t, "remonstrance-figures", "The road to war", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"The Grand Remonstrance passed by one hundred and fifty-nine votes to one hundred and forty-eight.", ""},
		{"When the Grand Remonstrance was passed in November 1641 it only won by 159 votes to 148.", ""},
	})
}

// A year the analyzer did not read as a date is no figure to correct; and
// a name after a given name the notes do not know ("Clarence Hatry") is
// another person's, not a key name misspelt.
func TestYearsAndOtherPeoplesNames(t *testing.T) {
	notes := `# The New Deal, 1933-41

## The agencies
- May 1935: the Works Progress Administration was set up under Harry Hopkins.
- Harry Hopkins gave work to 8.5 million people.
- 5 February 1937: the plan proposed six extra judges, one for every judge over 70.
`
	lib, r := drafted(t, "newdeal-names", "The New Deal", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"When Roosevelt tried to add six more judges over 70 in the winter 1937 people were angry.", ""},
		{"In London a business run by Clarence Hatry collapsed.", ""},
		{"On 5 February 1937 Roosevelt, aged 55, proposed six extra judges, one for every judge over 70.", ""},
		{"On 5 February 1937 the plan proposed six extra judges, one for every judge over 75.", rubrics.ProblemFigure + " 75 -> 70"},
		{"The WPA was run by Hatry Hopkins.", rubrics.ProblemMisspelt + " Hatry -> Harry"},
	})
}

// A date the passage gives besides its lead ("the Recession of 1937-38")
// is right of its fact too; a decade ("the mid-1950s") vouches for none.
func TestOtherDatesOfAPassage(t *testing.T) {
	notes := `# The New Deal, 1933-41

## The limits of recovery
- 1937: Roosevelt cut government spending, and the economy fell back into the Roosevelt Recession of 1937-38.
- 5 February 1937: the plan proposed six extra judges for the Supreme Court.
- 1941: the war brought full employment.
`
	lib, r := drafted(t, "newdeal-dates", "The New Deal", notes, "")
	expectProblems(t, lib, r, []problemCase{
		{"When Roosevelt cut spending in 1937 the result was the Roosevelt Recession, with unemployment back up, in 1938.", ""},
		{"When Roosevelt cut spending in 1939 the result was the Roosevelt Recession.", rubrics.ProblemDate + " 1939 -> 1937"},
	})
}

// A row of a list of figures by year ("1965: 184,000") is stated by its
// date and figure together, and vouches for the figure; a date told from
// another ("the day before, on 3/5/1970") is of another event.
func TestRowsOfFiguresAndDatesToldFromAnother(t *testing.T) {
	notes := `AMERICAN TROOPS IN VIETNAM, 1965-72

THE BUILD-UP:
- 8 March 1965: 3,500 US Marines landed at Da Nang, the first combat troops.
US troops in Vietnam at the end of each year:
1) 1965: 184,000
2) 1968: 536,000
- 4 May 1970: National Guardsmen shot dead four students at Kent State University.
`
	lib, r := drafted(t, "vietnam-rows", "American troops in Vietnam", notes, "")
	expectLines(t, lib, r, []lineCase{
		{"Troop numbers rose to 536,000 by the end of 1968.", 7, true},
		{"By the end of 1968 troop numbers had risen.", 7, false},
	})
	expectProblems(t, lib, r, []problemCase{
		{"The Marines landed at Da Nang on 8 March 1965, and troop numbers rose to 536,000 by the end of 1968.", ""},
		{"Four students were shot dead at Kent State University on 4 May 1970; the day before, on 3/5/1970, the governor had called the protesters un-American.", ""},
		{"Four students were shot dead at Kent State University on 3 May 1970.", rubrics.ProblemDate + " 3 May 1970 -> 4 May 1970"},
	})
}
