import type { Lexicon } from './lexicon.ts';

/** English sales/service lexicon (same phrase language as the Hebrew one; see text.ts compilePhrases). */
export const ENGLISH_LEXICON: Lexicon = {
  greeting: [
    '^ hi|hello|hey|hiya|howdy|morning', 'good morning|afternoon|evening', 'you\'ve reached', 'this is ~ from',
    'speaking', 'thank you for calling|taking', 'thanks for calling|taking', 'welcome to', 'nice|great|good to meet|connect|finally',
    'am i speaking with|to', 'may i speak with|to',
  ],
  opening_agenda: [
    "i'm calling", 'i am calling', 'calling because|about|regarding', 'i called', 'reason for my call', 'reason for the call', "reason i'm calling",
    'following up on|about|regarding', 'reaching out', 'do you have ~ minute|minutes|moment', 'got a minute|moment|sec',
    'a couple of minutes', 'good time', 'catch you', "here's what i'd suggest", 'for today', 'goal|purpose of this|the call',
    'agenda', 'i wanted to take', 'keep this|it short|quick', 'scheduled this call', 'suggested i reach|call|contact',
    'you requested|asked for', 'you left your details', 'you filled', 'i wanted to go|talk|check|touch', 'touch base', 'go over a couple',
  ],
  discovery_question: [
    'walk me through', 'tell me ~ about', 'tell me how|what|why|where|when|who', 'can you tell me', 'help me understand', "i'd love to hear|understand",
    "i'd like to understand|hear",
  ],
  need_statement: [
    'we|i need', 'looking for', 'biggest problem|issue|challenge',
    'the problem|issue is', 'our|my problem|issue', 'struggling', 'i just want', 'i want to', 'what i really want|need',
    "i'd love to", 'would love to', 'worries|bothers|concerns me', 'drops|dropping|crashes|crashing', 'keeps dropping', "doesn't work", 'drowning',
    "we're losing", 'are losing', 'losing deals|customers|leads|money', "we'll|will need", 'not sustainable', 'important to me|us', 'important thing for|to me|us', 'matters to me|us',
  ],
  value_statement: [
    'save|saves|saving|savings', 'that|which|this means', 'peace of mind', 'pays for itself', 'the benefit|advantage',
    "never|won't have to", 'get back ~ hours', 'instead of', 'cuts|cut ~ in half', 'no surprises',
    'off your plate', 'bottom line', 'close|closes more', 'more deals', 'better coverage', 'lower premium',
    'only pay for', 'protect your', 'this way', 'end up with', 'gives you|your', 'full control', 'control over',
  ],
  feature_explanation: [
    'includes|include|including', 'comes|come with', 'connects|integrates to|with', 'warranty', 'mobile app',
    'app where', 'dashboard', 'supports', 'we compare', 'waiting period', 'automatically|automated', 'covers',
    'syncs|sync across|with', '24/7', 'available ~ by', 'you can set up', 'you can add|track|see|choose', 'month to month', 'backups|backup',
  ],
  objection: {
    price: [
      'expensive|pricey|costly', 'too much', 'budget', "can't|cannot|couldn't afford", 'afford',
      'lot of money', 'price is ~ high|higher', 'higher than i expected', 'too high', 'pay that much', 'that much money',
      'out of my|our price range', 'not worth', 'that kind of money', "i'm not paying", 'no way i\'m paying',
    ],
    timing: [
      "don't have time", 'do not have time', 'no time', 'not a good time', 'not now', 'bad time', 'not the right time',
      'call me in|back|later', 'call me ~ next|tomorrow|later', "isn't|not convenient", "can't deal with", "we're in the middle", 'call back', 'try me again', "i'm in the middle", 'i am in the middle', "let's talk after",
      'maybe next quarter|year|month', "not in a rush|hurry", 'no rush|hurry', "i'm|we're swamped|busy",
      'swamped', 'when i get a chance', 'when i have time', 'send me something', 'couple of months', 'few weeks|months',
    ],
    trust: [
      'scam|fraud|rip-off|ripoff', 'how do i know', 'how can i trust', 'how can i be sure', 'heard bad things', 'bad reviews',
      "don't ~ trust", 'do not ~ trust', 'burned|burnt', 'promised me the world', 'why should|would i believe',
      'just want to sell', 'trying to sell me', 'too good to be true', 'sales pitch', "don't ~ believe", 'bad experience|experiences', 'companies like this|that',
    ],
    competitor: [
      'cheaper', 'for less', 'lower price|prices|rate', 'half the price', 'better deal|offer|rate', 'quoted me',
      'offer from', 'another|other company|provider|vendor|agent', 'competitor|competitors', 'comparison site',
      'already using|use', 'already work with', 'progressive|geico|allstate|hubspot|salesforce|comcast|verizon|pipedrive',
      'state farm',
    ],
    authority: [
      'my wife|husband|partner|spouse|boss|manager|parents|dad|mom', 'business partner', 'not my call|decision',
      'not up to me', 'up to our|my', 'ceo|cfo|cto|board|procurement', 'sign off|signs off', 'approve|approval',
      'run this|it by', 'check with my', 'decision belongs', 'to management', 'management decides|approves|signs', 'not me',
    ],
    no_need: [
      'already have|got', 'already covered', "don't ~ need", 'do not need', 'no need', 'not interested', 'doing ~ fine|okay|ok',
      'happy with what', 'not ~ relevant', "doesn't apply", 'why would i need', "everything's taken care of", 'everything is taken care of', "we're|i'm good",
    ],
  },
  acknowledgement: [
    'got it', 'i hear you', 'fair|good|great point', 'makes sense', 'makes total|perfect sense',
    'if i understand|understood correctly', "what i'm hearing", 'great|good question', 'i understand', 'understood',
    "you're right", 'you are right', 'noted', 'thanks for walking|sharing|explaining|telling', 'thank you for walking|sharing|explaining|telling', 'i see where|what',
    'that helps', 'helpful', 'i get you|it', 'helps me understand',
  ],
  empathy: [
    'sorry to hear', 'sorry for|about', "i'm|so|really sorry", 'i am sorry', 'apologize|apologise|apologies', 'frustrating|frustrated',
    'i can imagine', 'can only imagine', 'upset', 'awful|terrible|tough|stressful', 'not fun', "you're worried",
    'natural', 'get why', 'the concern|worry', 'your concern|worry', 'angry', 'must be', 'annoying|irritating|unpleasant|upsetting', 'not pleasant',
  ],
  social_proof: [
    'most|many|lot of our clients|customers', 'our clients|customers', 'many customers|clients', 'lot of customers|clients',
    'one of my|our clients|customers', 'customers like you', 'families', 'we work with', 'rated', 'stars', 'reviews',
    'testimonials', 'neighbour|neighbor|neighbours|neighbors', 'companies|businesses like', 'switched to us', 'award',
    'percent of our',
  ],
  close_attempt: [
    'shall we|i', 'should we go|get', 'get started', 'go ahead', 'move forward', 'lock this|it in', 'sign you up',
    'put you down', 'have a deal', 'ready to', 'which|what works better', 'which do you prefer', 'just say yes',
    'would you like to start|go|sign|get|try', 'how about we', 'start this month|week|today', 'pilot', 'for signature', 'to sign', 'e-signature',
  ],
  next_step: [
    "i'll send", 'i will send', "i'm sending", 'sending you', "i'll call|email|follow|check", 'call you back',
    "i'll get back", 'get back to you', 'next step|steps', "we're set", 'we are set', "we'll meet|review", 'we will meet',
    'all set for', 'invite', 'technician will|is', "i'll text|email|message", 'text|email you', 'passing|pass your details', 'ticket', 'reference number', 'once you sign',
    'calendar', 'reminder', "you'll have|get|receive", 'you will have|get|receive', 'summary', 'in your inbox',
  ],
  buying_signal: [
    'sounds ~ good|great|interesting|perfect', 'how do we|i move|proceed', 'hear|know|learn more', 'how long until|before', 'installed at', 'what do i|we need to do', 'how do i|we sign|start', 'when would|does|will ~ start',
    'when can i|we start', 'pay by|with', 'payment options', 'how long does ~ take', "i'm in", 'what documents|paperwork', 'documents do you need',
    'need from me', 'could|can i add', 'add my', 'send me the form|contract|paperwork', "i'll sign", 'possible to start',
    'what i was looking for', 'how much would|will it', 'how much would it be', 'interesting', 'interested',
  ],
  small_talk: [
    'weekend', 'raining|rain|weather|snow', 'hot|cold today', 'the game|match', 'congrats|congratulations',
    'happy holidays|birthday', 'happy new year', 'merry christmas', "you're driving", 'on the road', 'traffic', 'originally from',
    'how are you $', 'how are you doing|today', "how's it going", 'how have you been', 'how are the kids', 'school', 'vacation', 'holidays|holiday',
  ],
  other: [
    'one second|sec|moment', 'hang|hold on', 'bear with me', 'give me a second|sec|moment', 'just a moment', 'pull up',
    'typing', 'transfer you', 'on hold', 'on a brief hold', "didn't catch", 'can|could you repeat', 'say that again',
    'cut out', 'breaking up', 'can you hear me', 'id number', 'battery', 'the dog', 'switch rooms', "can't|cannot hear you", 'another call', 'call waiting',
  ],
  scheduling: ['set up ~ call|meeting|review|demo|appointment', 'work for a|the meeting|call|demo', 'book|schedule'],
  questionStarters: [
    'what', "what's", 'how', 'why', 'when', 'where', 'who', 'which', 'do', 'does', 'did', 'are', 'is', 'can', 'could',
    'would', 'will', 'have', 'has', 'should', 'shall', 'tell', 'walk', 'describe',
  ],
  openQuestionStarters: ['what', "what's", 'how', 'why', 'tell', 'walk', 'describe', 'which'],
  backchannel: ['yeah', 'yes', 'yep', 'yup', 'uh-huh', 'uh', 'huh', 'okay', 'ok', 'right', 'mm-hmm', 'mhm', 'mm', 'hmm', 'sure', 'oh', 'ah', 'cool', 'great', 'alright', 'gotcha'],
  fillers: ['um', 'umm', 'uh', 'uhm', 'erm', 'er', 'hmm', 'you know', 'i mean', 'kind of', 'sort of', 'basically', 'literally', 'like,'],
  secondPerson: ['you', 'your', "you're", "you've", "you'd", 'yours', 'yourself'],
  firstPerson: ['i', 'me', 'my', "i'm", "i've", "i'd", "i'll", 'we', 'our', 'us', "we're", "we've"],
  currency: ['dollar|dollars|bucks|pounds|euros|euro|percent|shekels|cents', '#'],
  priceContext: [
    'price|cost|costs|fee|fees|premium|runs|billing|charge|total|paying', 'a|per month|year|user|seat', 'comes to',
    'instead of', 'works out',
  ],
  savings: ['save|saves|saving|savings', 'went|goes|go up', 'increase|increased'],
};
