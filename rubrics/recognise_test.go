package rubrics_test

import (
	"slices"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
)

// TestRecognisesParaphrases holds one sentence per item, written the way
// students put things rather than the way the notes do.
func TestRecognisesParaphrases(t *testing.T) {
	for _, tt := range []struct{ id, text string }{
		{"prc-founded-1949", "In October 1949 Mao declared the founding of the People's Republic."},
		{"prc-founded-1949", "The Chinese Communist Party took power in 1949 after winning the civil war."},
		{"ussr-recognises-prc", "The Soviet Union was the first country to recognize the PRC."},
		{"treaty-1950", "In 1950 Mao travelled to Moscow and signed an alliance with Stalin."},
		{"treaty-1950", "The Sino-Soviet Treaty of 1950 created a formal military alliance."},
		{"aid-300m", "Stalin offered a loan of three hundred million dollars."},
		{"experts-141", "Soviet specialists helped build 141 factories and plants."},
		{"manchurian-railway", "Stalin agreed to hand back the Chinese Changchun Railway in Manchuria."},
		{"mongolia-taiwan", "Outer Mongolia stayed in the Soviet sphere of influence."},
		{"trade-growth", "Trade between the two countries grew six times over between 1950 and 1956."},
		{"korean-war-1950", "When North Korea invaded the South in June 1950, Mao sent Chinese volunteers."},
		{"five-year-plan-aid", "Soviet money paid for China's first Five Year Plan in 1953."},
		{"taiwan-crisis-1954", "In 1954 the PLA shelled the islands of Quemoy and Matsu."},
		{"great-leap-forward-1958", "In 1958 Mao launched the Great Leap Forward to overtake Britain."},
		{"nuclear-joint-control-1958", "Khrushchev wanted joint control over Chinese nuclear weapons."},
		{"taiwan-crisis-1958", "In 1958 China shelled Quemoy again, but Khrushchev would not back Mao."},
		{"swimming-pool-1958", "Mao received Khrushchev beside his swimming pool in 1958."},
		{"khrushchev-visit-1959", "Khrushchev's visit to Beijing in 1959 was a disaster with no guard of honour."},
		{"everest-1960", "Chinese mountaineers reached the summit of Everest before the Soviets."},
		{"experts-withdrawn-1960", "In 1960 Moscow recalled all 1,390 Soviet advisers from China."},
		{"cuban-missile-crisis", "Mao mocked Khrushchev for backing down over Cuba."},
		{"glf-criticised-1959", "Khrushchev criticised the communes of the Great Leap Forward."},
		{"revisionist-1960", "Mao accused Khrushchev of revisionism."},
		{"peaceful-coexistence", "Mao hated Khrushchev's policy of peaceful coexistence with the West."},
		{"destalinisation-1956", "In his Secret Speech of 1956 Khrushchev denounced Stalin."},
		{"class-struggle-1961", "Khrushchev claimed that class struggle had ended in the USSR."},
		{"phoney-communism-1964", "Mao called Khrushchev's version of communism phony."},
		{"india-aid-800m", "During the 1962 Sino-Indian war the Soviets gave India $800 million."},
		{"indonesia-1959-62", "The USSR gave military aid to Indonesia in its disputes with China."},
		{"khrushchev-removed-1964", "In October 1964 Khrushchev was ousted and replaced by Brezhnev."},
		{"cultural-revolution", "In 1966 Mao began the Cultural Revolution."},
		{"relations-cut-1966", "In 1966 the two countries broke off diplomatic relations."},
		{"border-4406km", "The two countries shared a 4,406-kilometre border."},
		{"czechoslovakia-1968", "The Soviet invasion of Czechoslovakia in 1968 alarmed Beijing."},
		{"ussuri-clash-1969", "In March 1969 Chinese and Soviet troops clashed on Zhenbao Island."},
		{"border-agreement-1969", "In September 1969 Kosygin and Zhou Enlai agreed to calm the border."},
		{"soviet-nuclear-threat", "Mao feared a Soviet nuclear strike against China."},
		{"us-motive-vietnam", "Nixon wanted Chinese help to end the war in Vietnam."},
		{"nixon-eases-trade-1969", "In 1969 Nixon eased the trade embargo on China."},
		{"ping-pong-1971", "In April 1971 an American table-tennis team visited China."},
		{"kissinger-visit-1971", "Kissinger made a secret trip to Beijing in July 1971."},
		{"un-seat-1971", "In October 1971 the PRC replaced Taiwan at the United Nations."},
		{"triangular-diplomacy", "Nixon played China and the USSR off against each other."},
		{"nixon-visit-1972", "In February 1972 Nixon visited China and met Mao."},
		{"shanghai-communique-1972", "The Shanghai Communique promised to normalise relations."},
		{"moscow-summit-1972", "In May 1972 Nixon went to the Moscow summit with Brezhnev."},
		{"ford-normalisation", "President Ford continued to seek normalisation after 1974."},
		{"cause-ideology", "The two parties disagreed about the true meaning of Marxism."},
		{"cause-personal", "The personal rivalry between Mao and Khrushchev was bitter."},
		{"cause-strategic", "China's national security was threatened by Soviet policy."},
		{"cause-economic", "China's economic dependence on the USSR was resented."},
		{"treaty-1950", "In February 1950 the two communist powers signed a thirty-year alliance."},
		{"treaty-1950", "Mao spent two months in Moscow negotiating a treaty with Stalin."},
		{"aid-300m", "The USSR provided $300 million in credits."},
		{"experts-141", "Soviet technicians helped to build 141 projects."},
		{"korean-war-1950", "Chinese troops fought the Americans in Korea from 1950."},
		{"taiwan-crisis-1958", "In 1958 Mao again bombarded the offshore islands."},
		{"khrushchev-visit-1959", "When Khrushchev came to Beijing in 1959 the visit ended in a shouting match."},
		{"experts-withdrawn-1960", "Khrushchev pulled all Soviet advisers out of China in 1960."},
		{"glf-criticised-1959", "Khrushchev mocked Mao's Great Leap Forward."},
		{"india-aid-800m", "Moscow sided with India in the 1962 border war, sending aid worth $800m."},
		{"khrushchev-removed-1964", "Khrushchev fell from power in 1964."},
		{"relations-cut-1966", "By 1966 the two sides had cut diplomatic ties."},
		{"ussuri-clash-1969", "In 1969 Soviet and Chinese soldiers fought over an island in the Ussuri."},
		{"ussuri-clash-1969", "Border clashes in 1969 killed dozens of soldiers."},
		{"border-agreement-1969", "Later in 1969 both sides agreed to respect the border."},
		{"soviet-nuclear-threat", "The Soviets hinted at a nuclear strike on China's nuclear sites."},
		{"nixon-visit-1972", "Nixon's historic trip to China in 1972 shocked the world."},
		{"kissinger-visit-1971", "Kissinger flew secretly to Beijing in 1971."},
		{"un-seat-1971", "In 1971 China took its seat on the UN Security Council."},
		{"nixon-eases-trade-1969", "Nixon lifted some trade restrictions on China in 1969."},
		{"peaceful-coexistence", "Khrushchev wanted peaceful coexistence with America."},
		{"cultural-revolution", "The Cultural Revolution began in 1966."},
		{"great-leap-forward-1958", "The Great Leap Forward (1958-62) was a disaster."},
		{"cause-ideology", "The two sides disagreed over communist theory."},
		{"cause-ideology", "Mao accused the Soviets of betraying Marxism-Leninism."},
		{"cause-ideology", "Differences in ideology drove them apart."},
		{"cause-ideology", "Mao believed Khrushchev had abandoned true communism."},
		{"cause-personal", "Mao and Khrushchev's personalities clashed."},
		{"cause-personal", "There was a power struggle between the two leaders."},
		{"cause-personal", "Mao resented Khrushchev and saw him as a buffoon."},
		{"cause-personal", "Khrushchev was humiliated by Mao in 1958."},
		{"cause-personal", "Both leaders wanted to lead the communist world, so their rivalry grew."},
		{"cause-strategic", "China's security concerns grew after Khrushchev refused to help over Taiwan."},
		{"cause-strategic", "Military disagreements over nuclear weapons pushed them apart."},
		{"cause-strategic", "Border disputes were the most important cause."},
		{"cause-strategic", "The USSR put its own national interests first."},
		{"cause-economic", "China's economy suffered when Soviet aid was cut."},
		{"cause-economic", "Economic factors mattered as well."},
		{"cause-economic", "China no longer wanted to depend on Soviet aid."},
	} {
		t.Run(tt.id+": "+tt.text, func(t *testing.T) {
			if found := foundIDs(check(t, "sino-soviet-overview", tt.text)); !slices.Contains(found, tt.id) {
				t.Errorf("%s not found; found %v", tt.id, found)
			}
		})
	}
}

// TestDoesNotRecogniseLookalikes holds sentences that share words with an
// item but are not about it.
func TestDoesNotRecogniseLookalikes(t *testing.T) {
	for _, tt := range []struct{ text, notID string }{
		{"Khrushchev visited the USA in 1959 and met Eisenhower at Camp David.", "khrushchev-visit-1959"},
		{"The USA recognised the PRC only in 1979.", "ussr-recognises-prc"},
		{"Nixon resigned in 1974 because of Watergate.", "nixon-visit-1972"},
		{"Nixon relaxed trade and travel restrictions on China in July 1969.", "nixon-visit-1972"},
		{"The Korean peninsula was divided in 1945.", "korean-war-1950"},
		{"Mao greatly respected Stalin.", "cause-personal"},
		{"Mao did not like this speech.", "cause-personal"},
		{"The split was deepened by national rivalry over India.", "cause-personal"},
		{"Under Stalin's cult of personality, dissent was impossible.", "cause-personal"},
		{"Brezhnev claimed the right to intervene in communist states.", "khrushchev-removed-1964"},
		{"In 1960 Mao called Khrushchev a revisionist.", "cause-ideology"},
		{"The Soviet economy grew quickly in the 1950s.", "cause-economic"},
		{"Nixon relaxed trade restrictions on China.", "cause-economic"},
		{"The Cuban Missile Crisis brought the world close to nuclear war.", "cause-strategic"},
		{"Soviet experts helped to set up 141 Chinese businesses.", "experts-withdrawn-1960"},
		{"Mao said the Great Leap Forward was better than the Soviet five year plans.", "five-year-plan-aid"},
		{"Mao said the Great Leap Forward was better than the Soviet five year plans.", "glf-criticised-1959"},
	} {
		t.Run(tt.notID+": "+tt.text, func(t *testing.T) {
			if found := foundIDs(check(t, "sino-soviet-overview", tt.text)); slices.Contains(found, tt.notID) {
				t.Errorf("%s found in a sentence that is not about it", tt.notID)
			}
		})
	}
}

// foundIDs returns the ids of the evidence a report found.
func foundIDs(rep *rubrics.Report) []string {
	var ids []string
	for _, e := range rep.Evidence {
		if e.Found {
			ids = append(ids, e.ID)
		}
	}
	return ids
}
