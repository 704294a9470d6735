//! The built-in coping-skill library, in Keel's own words. Each becomes a skill record in a new
//! vault, so the user can edit, hide or favourite it like one of their own.

use chrono::{DateTime, FixedOffset};

use crate::error::Result;
use crate::model::SkillCategory::{self, *};
use crate::model::{Body as RecordBody, Record, RecordId, Skill};

/// The built-in library as new skill records, for a new vault.
pub fn seed(now: DateTime<FixedOffset>) -> Result<Vec<Record>> {
    BUILTIN
        .iter()
        .map(|(key, name, category, how_to)| {
            Ok(Record {
                id: RecordId::random()?,
                revision: 1,
                created: now,
                updated: now,
                at: now,
                trashed: None,
                body: RecordBody::Skill(Skill {
                    name: (*name).to_owned(),
                    category: *category,
                    how_to: (*how_to).to_owned(),
                    builtin: Some((*key).to_owned()),
                    favourite: false,
                    hidden: false,
                }),
            })
        })
        .collect()
}

/// (stable key, name, category, how-to).
pub const BUILTIN: &[(&str, &str, SkillCategory, &str)] = &[
    (
        "paced-breathing",
        "Paced breathing",
        Body,
        "Breathe in through your nose for a count of four and out for a count of six to eight. A longer out-breath slows the heart. Keep going for two or three minutes.",
    ),
    (
        "box-breathing",
        "Box breathing",
        Body,
        "Breathe in for four, hold for four, out for four, hold for four. Trace a square with your eyes or a finger as you go. Repeat four rounds.",
    ),
    (
        "cold-water",
        "Cold water on the face",
        Body,
        "Splash cold water on your face or hold something cold to your cheeks for thirty seconds while you hold your breath briefly. The body's dive reflex lowers arousal quickly when emotions spike.",
    ),
    (
        "intense-movement",
        "Short burst of movement",
        Body,
        "Walk fast, climb stairs or do jumping jacks for a few minutes. Spending the energy a strong emotion brings makes it easier to think again.",
    ),
    (
        "muscle-relaxation",
        "Progressive muscle relaxation",
        Body,
        "Tense one muscle group for five seconds, then let it go and notice the difference. Work from your feet up to your face.",
    ),
    (
        "five-senses",
        "5-4-3-2-1 senses",
        Grounding,
        "Name five things you can see, four you can hear, three you can touch, two you can smell and one you can taste. It pulls attention back to the room you are in.",
    ),
    (
        "feet-on-floor",
        "Feet on the floor",
        Grounding,
        "Press both feet into the floor and notice the pressure, the temperature, the texture of your shoes. Say to yourself where you are and what day it is.",
    ),
    (
        "object-in-hand",
        "Hold an object",
        Grounding,
        "Pick up something nearby, a pen or a key, and describe it to yourself in detail: weight, edges, colour, temperature. Stay with it until the wave passes.",
    ),
    (
        "categories-game",
        "Categories game",
        Grounding,
        "Pick a category, such as cities or fruit, and name one for each letter of the alphabet. Giving the mind a task loosens the grip of a racing thought.",
    ),
    (
        "urge-surfing",
        "Urge surfing",
        DistressTolerance,
        "Notice the craving as a wave: it rises, peaks and falls, usually within twenty to thirty minutes. Watch where you feel it in your body without acting on it, and ride it out.",
    ),
    (
        "play-it-forward",
        "Play the tape forward",
        DistressTolerance,
        "Imagine acting on the urge, then keep the film running: the next hour, the next morning, the next week. Compare it with the film where you do not act.",
    ),
    (
        "pros-and-cons",
        "Pros and cons",
        DistressTolerance,
        "Write down the short- and long-term pros and cons of acting on the urge and of resisting it. Read the long-term columns twice.",
    ),
    (
        "delay-ten",
        "Delay ten minutes",
        DistressTolerance,
        "Tell yourself you can decide in ten minutes, set a timer and do something else meanwhile. When it rings, delay again if you can.",
    ),
    (
        "self-soothe",
        "Self-soothe with the senses",
        DistressTolerance,
        "Do something kind for each sense: a warm drink, soft music, a pleasant smell, a comfortable blanket, something calm to look at. Small comforts lower the temperature.",
    ),
    (
        "radical-acceptance",
        "Accept what is",
        DistressTolerance,
        "Say to yourself that this moment is what it is, even if you do not like it. Fighting reality adds suffering on top of pain; acceptance leaves energy for the next step.",
    ),
    (
        "opposite-action",
        "Opposite action",
        EmotionRegulation,
        "Notice what the emotion urges you to do and, when that would not help, do the opposite: approach instead of avoiding, speak gently instead of attacking. Do it fully, with your posture and voice too.",
    ),
    (
        "check-the-facts",
        "Check the facts",
        EmotionRegulation,
        "Ask what actually happened, what you are assuming, and whether the size of your emotion fits the facts. Write the facts and the interpretations in two columns.",
    ),
    (
        "name-it",
        "Name the emotion",
        EmotionRegulation,
        "Put a precise word on what you feel: not just bad, but ashamed, lonely or disappointed. Naming an emotion tends to turn its volume down.",
    ),
    (
        "halt-check",
        "HALT check",
        EmotionRegulation,
        "Ask yourself whether you are hungry, angry, lonely or tired. Meet the need you find first: eat, move, call someone or rest.",
    ),
    (
        "pleasant-activity",
        "Schedule something pleasant",
        EmotionRegulation,
        "Plan one small enjoyable thing for today and put it in your calendar. Positive experiences have to be built in on purpose when life is busy.",
    ),
    (
        "wise-mind",
        "Wise mind pause",
        Mindfulness,
        "Take three slow breaths and ask what the calm, wise part of you knows about this situation. Wait for an answer before you act.",
    ),
    (
        "observe-breath",
        "Observe the breath",
        Mindfulness,
        "For two minutes, simply notice the breath coming in and going out. When your mind wanders, note where it went and return without judging.",
    ),
    (
        "body-scan",
        "Body scan",
        Mindfulness,
        "Move your attention slowly from the top of your head down to your toes, noticing sensations without trying to change them. It takes five to ten minutes.",
    ),
    (
        "leaves-on-stream",
        "Thoughts as passing leaves",
        Mindfulness,
        "Picture each thought placed on a leaf floating down a stream, and let it drift out of sight. You do not have to argue with a thought to let it go.",
    ),
    (
        "ask-clearly",
        "Ask clearly",
        Interpersonal,
        "Describe the situation in facts, say how you feel, ask for one specific thing, and say why it would help. Stay calm and be willing to negotiate.",
    ),
    (
        "say-no",
        "Say no kindly",
        Interpersonal,
        "Decline in one clear sentence without over-explaining, and offer an alternative only if you mean it. Protecting your recovery is a valid reason.",
    ),
    (
        "repair",
        "Repair after conflict",
        Interpersonal,
        "When things have cooled, name your part, say what you would do differently, and ask how the other person experienced it. Repair matters more than getting it right the first time.",
    ),
    (
        "call-someone",
        "Call someone safe",
        Connection,
        "Call or text a sponsor, a friend from group or someone who knows your story. You do not need to explain everything; saying you are struggling is enough.",
    ),
    (
        "attend-meeting",
        "Go to a meeting",
        Connection,
        "Find a peer-support meeting, in person or online, and go even if you only listen. Being among people who understand reduces shame and isolation.",
    ),
    (
        "help-someone",
        "Do something for someone",
        Connection,
        "Send a kind message, help a colleague or do a small favour. Turning outward for a moment breaks the loop of rumination.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_library_has_at_least_25_distinct_skills_covering_every_category() {
        assert!(
            BUILTIN.len() >= 25,
            "the product promises at least 25 skills"
        );
        let keys: HashSet<_> = BUILTIN.iter().map(|s| s.0).collect();
        assert_eq!(
            keys.len(),
            BUILTIN.len(),
            "keys are stable identifiers and must be unique"
        );
        for cat in SkillCategory::ALL {
            assert!(
                BUILTIN.iter().any(|s| s.2 == *cat),
                "no skill in {}",
                cat.as_str()
            );
        }
        for s in BUILTIN {
            let sentences = s.3.matches(". ").count() + 1;
            assert!(
                (2..=3).contains(&sentences),
                "{} has {sentences} sentences",
                s.0
            );
        }
    }
}
